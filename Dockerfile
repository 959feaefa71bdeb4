# One image for web, worker, beat and proxy (Debian's nginx); docker-compose.yml
# picks the command.
FROM python:3.12-slim-trixie
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv UV_PYTHON_DOWNLOADS=never \
    PATH=/opt/venv/bin:$PATH
RUN apt-get update \
 && apt-get install -y --no-install-recommends gdal-bin libgeos-c1t64 proj-bin gettext npm nginx \
 && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
# MapLibre GL JS for the map page, from the npm registry (served as static files).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev
COPY . .
# A throwaway key for this step, so no generated .secret_key is baked in.
RUN DJANGO_ENV=local SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput -v 0
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "-c", "config/gunicorn.py"]
