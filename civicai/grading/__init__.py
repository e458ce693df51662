"""Grading, on nbgrader: plain sequential runs (`plain`) and the cohort grader."""
