"""python -m civicai.grading: the same as the civicai-grade command."""
import sys

from civicai.grading.cli import main

sys.exit(main())
