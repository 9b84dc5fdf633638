# Engagement Atlas, self-hosted: nginx on port 8080 (compressing, caching) in front of Streamlit.
#   docker build -t engagement-atlas .
#   docker run --rm -p 8080:8080 -e ATLAS_HOSTS="atlas.example.org localhost" engagement-atlas
# The published data (data/processed) is committed; the light pages are written at build time.
# No Chromium (that is only for the browser tests). Settings come from .streamlit/config.toml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update && apt-get install -y --no-install-recommends nginx-light \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY . .
RUN python -m atlas.light
RUN useradd --create-home --uid 10001 atlas && chown -R atlas /app
USER atlas

ENV ATLAS_HOSTS="localhost 127.0.0.1"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen(urllib.request.Request('http://127.0.0.1:8080/_stcore/health', headers={'Host': 'localhost'}), timeout=4).status != 200)"

CMD ["python", "-m", "deploy.serve", "--port", "8080", "--upstream", "8501"]
