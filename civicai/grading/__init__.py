"""Grading, on nbgrader: plain sequential runs (`plain`) and the cohort grader (`civicai-grade`).

The cohort grader, module by module, in the order of a run:

    cli          the civicai-grade command
    cohort       the whole cycle for one assignment
    intake       LMS folders and zips -> one submission per learner
    coursefolder the nbgrader course folder (autograder/work by default) and its configuration
    pool         worker processes, restarted when a learner's notebook takes one down
    worker       one learner: nbgrader's autograde and feedback, with the preprocessors below
    sanitize     puts back instructor cells nbgrader does not restore
    execute      nbgrader's Execute, in the sandbox, with limits and the witness
    kernels      a worker's sandbox and the kernels its zygote forks
    sandbox      what learner code may touch, and the bubblewrap command that enforces it
    rootview     (as root) lets the sandbox's own user reach the folders it needs
    zygote       inside the sandbox: a fresh kernel per learner, imports done once
    guard        inside each kernel: the witness that sees whether checks ran untampered
    witness      the grader's side of the witness: prepare, read the report, judge
    scan         reads learners' cells for code that deserves a look
    merge        copies a learner's grades into the course gradebook (one writer)
    feedback     feedback HTML without hidden tests
    export       the grades CSV
    report       the cohort report
"""
