from defensoria.cli import main

main()
