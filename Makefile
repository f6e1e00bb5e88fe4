.PHONY: install test thorough bench bench-coding docs model risk-model engagement-model repair-model example

install:
	python3 -m venv .venv && .venv/bin/pip install -e '.[test]'

test:
	.venv/bin/python -m pytest

thorough:  # property tests with 3,000 examples per reader
	HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_reader_properties.py

bench:
	.venv/bin/python bench/bench_readers.py

docs:  # regenerate the generated reference pages
	.venv/bin/rapportlens features --markdown > docs/features.md
	.venv/bin/rapportlens codebook --markdown > docs/codebook.md

model:  # the shipped coding model: AnnoMI, 5-fold CV by transcript, then all of it (needs .[train])
	.venv/bin/rapportlens train --dataset annomi --data ../shared/data/annomi --cv 5 --practitioner-context-chars 0 \
	  --name annomi-minilm --out src/rapportlens/models/annomi-minilm
	.venv/bin/python -m rapportlens.training.share_weights src/rapportlens/models/annomi-minilm

engagement-model:  # the shipped engagement model (rupture markers) and its second opinion: the project's turns + AnnoMI client talk (needs .[train])
	.venv/bin/python -m rapportlens.training.engagement --cv 5 --out src/rapportlens/models/engagement-lexical \
	  --annomi ../shared/data/annomi data/ruptures/*.csv
	.venv/bin/python -m rapportlens.training.engagement_check --out src/rapportlens/models/engagement-minilm \
	  --annomi ../shared/data/annomi data/ruptures/*.csv
	.venv/bin/python -m rapportlens.training.share_weights src/rapportlens/models/engagement-minilm

repair-model:  # the shipped repair model: the project's repairs and near misses + AnnoMI practitioner talk (needs .[train])
	.venv/bin/python -m rapportlens.training.repair --cv 5 --out src/rapportlens/models/repair-lexical \
	  --annomi ../shared/data/annomi data/repairs/*.csv

risk-model:  # the shipped risk model: the project's sentences + AnnoMI client talk (needs .[train])
	.venv/bin/python -m rapportlens.training.risk --cv 3 --out src/rapportlens/models/risk-minilm \
	  --annomi ../shared/data/annomi \
	  data/risk/*.csv tests/data/risk/sentences.csv
	.venv/bin/python -m rapportlens.training.share_weights src/rapportlens/models/risk-minilm

bench-coding:
	.venv/bin/python bench/bench_coding.py

example:
	.venv/bin/rapportlens analyze examples/first_session.txt
