.PHONY: install test thorough bench docs example

install:
	python3 -m venv .venv && .venv/bin/pip install -e '.[test]'

test:
	.venv/bin/python -m pytest

thorough:  # property tests with 3,000 examples per reader
	HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_reader_properties.py

bench:
	.venv/bin/python bench/bench_readers.py

docs:  # regenerate the feature reference
	.venv/bin/rapportlens features --markdown > docs/features.md

example:
	.venv/bin/rapportlens analyze examples/first_session.txt
