"""The domain: answers, scoring, the plan and results, computed from plain inputs."""
