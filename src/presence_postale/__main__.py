from presence_postale.cli.app import main

main()
