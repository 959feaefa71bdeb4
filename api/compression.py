"""Compressed responses: Brotli where the client asks for it, else gzip.

JSON, GeoJSON, CSV, the OpenAPI documents, vector tiles and static files are
compressed in every mode (whitenoise's precompressed files, when collected,
already carry Content-Encoding and pass through). HTML is never compressed:
pages carry CSRF tokens and reflect input, the two ingredients of BREACH, and
are small; the API answers hold no CSRF token or other secret. gzip is
Django's GZipMiddleware (with its random padding against length attacks).
"""

import re
from collections.abc import Iterator

import brotli
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

COMPRESSIBLE_TYPES = (
    "application/json",
    "application/geo+json",
    "application/problem+json",
    "application/schema+json",
    "application/vnd.oai.openapi",
    "application/vnd.mapbox-vector-tile",
    "application/javascript",
    "text/javascript",
    "text/css",
    "text/csv",
    "text/plain",
    "image/svg+xml",
)
MIN_BYTES = 200
# Quality 5 compresses JSON about as well as gzip -9 in a fraction of level 11's
# time: these bodies are built per request.
BROTLI_QUALITY = 5
_ACCEPTS_BR = re.compile(r"\bbr\b")


def _compressible(response: HttpResponseBase) -> bool:
    media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return media_type.startswith(COMPRESSIBLE_TYPES) and not response.has_header(
        "Content-Encoding"
    )


def _brotli_stream(chunks: Iterator[bytes]) -> Iterator[bytes]:
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    for chunk in chunks:
        data = compressor.process(chunk)
        if data:
            yield data
    yield compressor.finish()


class CompressionMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not _compressible(response):
            return response
        if not _ACCEPTS_BR.search(request.headers.get("Accept-Encoding", "")):
            return super().process_response(request, response)
        if isinstance(response, StreamingHttpResponse):
            if response.is_async:  # rare here (sync WSGI): gzip handles it
                return super().process_response(request, response)
            response.streaming_content = _brotli_stream(
                iter(response.streaming_content)  # type: ignore[arg-type]
            )
            del response.headers["Content-Length"]
        elif response.streaming:  # any other streaming kind: gzip
            return super().process_response(request, response)
        else:
            content = response.content  # type: ignore[attr-defined]
            if len(content) < MIN_BYTES:
                return response
            compressed = brotli.compress(content, quality=BROTLI_QUALITY)
            if len(compressed) >= len(content):
                return response
            response.content = compressed  # type: ignore[attr-defined]
            response.headers["Content-Length"] = str(len(compressed))
        patch_vary_headers(response, ("Accept-Encoding",))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "br"
        return response
