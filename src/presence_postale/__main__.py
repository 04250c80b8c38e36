from presence_postale.cli.start import main

main()
