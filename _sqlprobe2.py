import django, sys, time
django.setup()
from django.test import Client
from django.db import connection
from django.test.utils import CaptureQueriesContext
import psycopg, os
from bench import floor
path = sys.argv[1]
c = Client(HTTP_HOST="127.0.0.1")
c.get(path)
with CaptureQueriesContext(connection) as q:
    r = c.get(path)
app_sql = q.captured_queries[-1]["sql"]
conn = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True, options=floor.OPTIONS, prepare_threshold=None)
bbox = (10.368377,63.393932,10.431623,63.436068)
def t(sql, params=None, n=15):
    xs=[]
    for _ in range(n):
        s=time.perf_counter(); conn.execute(sql, params).fetchone(); xs.append(time.perf_counter()-s)
    xs.sort(); return round(xs[len(xs)//2]*1000,1)
print("app stmt", t(app_sql))
print("plain stmt", t(floor.PLAIN_BBOX_SQL, (*bbox, 1000)))
print("joined stmt", t(floor.BBOX_SQL, (*bbox, 1000)))
for line in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + app_sql).fetchall(): print(line[0])
print("=====")
for line in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + floor.PLAIN_BBOX_SQL, (*bbox, 1000)).fetchall(): print(line[0])
