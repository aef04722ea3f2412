# Makes `import neardup` find the module built in <repo>/build/python (or
# $NEARDUP_PYTHON_DIR) when PYTHONPATH does not point there already.
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
_default = os.path.join(_here, "..", "..", "build", "python")
sys.path.insert(0, os.path.abspath(os.environ.get("NEARDUP_PYTHON_DIR", _default)))
