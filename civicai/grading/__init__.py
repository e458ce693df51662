"""Grading, on nbgrader: plain sequential runs (`plain`) and the cohort grader (`civicai-grade`).

The cohort grader, module by module, in the order of a run:

    cli          the civicai-grade command
    cohort       the whole cycle for one assignment
    intake       LMS folders and zips -> one submission per learner
    coursefolder the nbgrader course folder (autograder/work by default) and its configuration
    pool         worker processes, restarted when a learner's notebook takes one down
    worker       one learner: nbgrader's autograde and feedback, with the preprocessors below
    sanitize     puts back instructor cells nbgrader does not restore
    execute      nbgrader's Execute, in the sandbox: answers out as data, judged here
    capture      inside the learner's kernel: hands each answer over as data
    kernels      a worker's sandbox and the kernels its zygote forks
    sandbox      what learner code may touch, and the bubblewrap command that enforces it
    rootview     (as root) lets the sandbox's own user reach the folders it needs
    zygote       inside the sandbox: a fresh, isolated kernel per learner, imports done once
    scan         reads learners' cells for code that deserves a look
    merge        copies a learner's grades into the course gradebook (one writer)
    feedback     feedback HTML without hidden tests; learner HTML cleaned
    export       the grades CSV
    report       the cohort report
"""
