"""`python -m civicai.checks QUESTION_ID VALUE [--decimals N]`: an answer's fingerprint."""
from civicai.checks.answers import main

main()
