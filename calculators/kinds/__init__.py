"""Calculator kinds: each module holds one kind's cited data model and its computation.

A new kind is a module here (its model and ``compute``) plus one line in the
``Calculator`` union of ``calculators.models``.
"""
