# One image for the three processes; the command picks one: `serve api`, `serve rasa` or
# `serve actions` (docker-compose.yml, docs/deploy.md). The Rasa model and the project's spaCy
# pipeline are built into the image, so every replica runs exactly the same model and nothing
# is trained or downloaded when a container starts.
FROM python:3.10-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TF_CPP_MIN_LOG_LEVEL=2 \
    RASA_TELEMETRY_ENABLED=false \
    WORKLOCAL_VAR_DIR=/var/lib/worklocal \
    HOST=0.0.0.0

RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential nodejs npm \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/worklocal worklocal \
 && mkdir -p /var/lib/worklocal && chown worklocal /var/lib/worklocal

WORKDIR /app
# Dependencies first, in their own layer, so a code change does not reinstall Rasa.
COPY pyproject.toml README.md ./
COPY requirements ./requirements
RUN mkdir -p bot actions && touch bot/__init__.py actions/__init__.py \
 && pip install -c requirements/constraints.txt -e . \
 && rm -rf bot actions

# Front-end packages (package-lock.json): GOV.UK Frontend and the console's charts, served by
# the API itself (the stylesheet is compiled below, as `make run` does).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

COPY . .
# Editable, so the service finds its data, templates and training files beside the code.
RUN pip install --no-deps -e . \
 && node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules \
    --quiet-deps bot/assets/styles.scss build/assets/styles.css \
 && worklocal train \
 && chown -R worklocal /app

USER worklocal
EXPOSE 8000 5005 5055
ENTRYPOINT ["worklocal"]
CMD ["serve", "api"]
