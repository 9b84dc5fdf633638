# Engagement Atlas, self-hosted: the Streamlit app on port 8501.
#   docker build -t engagement-atlas .
#   docker run --rm -p 8501:8501 engagement-atlas
# The published data (data/processed) is committed, so the image needs no build step and no
# Chromium (that is only for the browser tests). Settings come from .streamlit/config.toml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY . .
RUN useradd --create-home --uid 10001 atlas && chown -R atlas /app
USER atlas

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"

CMD ["streamlit", "run", "streamlit_app.py", "--server.port=8501", "--server.address=0.0.0.0"]
