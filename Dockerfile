# The ShopGuide central server: `docker compose up` (compose.yaml) or see docs/deployment.md.
# Installs the package without the `tablet` extra: no Qt in a server image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore

RUN useradd --system --uid 10001 --user-group --create-home --home-dir /srv/shopguide shopguide

COPY pyproject.toml README.md /tmp/src/
COPY app /tmp/src/app
RUN pip install /tmp/src && rm -rf /tmp/src
COPY deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh

USER shopguide
WORKDIR /srv/shopguide
ENV PORT=8000 \
    WORKERS=2 \
    SHOPGUIDE_LOG_FORMAT=json
EXPOSE 8000

# Ready means the database answers and its schema is current (GET /readyz).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/readyz', timeout=2)"]

ENTRYPOINT ["sh", "/usr/local/bin/docker-entrypoint.sh"]
CMD ["serve"]
