import sys

from answer_eval.cli import main

sys.exit(main())
