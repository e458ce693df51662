"""nbgrader reads this file from the folder JupyterLab starts in (the
repository root, on Binder and with `make lab`), for the Validate button.
The course configuration itself is in autograder/nbgrader_config.py."""
c = get_config()  # noqa: F821 - provided by nbgrader
load_subconfig("autograder/nbgrader_config.py")  # noqa: F821
