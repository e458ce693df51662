from civicai.authoring.cli import main

main()
