#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Makes the catalogue-database fixtures of tests/db/tst_cataloguefaults.cpp and
# tst_catalogueupgrade.cpp (outputs are committed; rerun only to change them):
#   python3 tests/data/db/make_fixtures.py
# Every file is built from db/schema.sql and the shipped CSVs (first row of each
# table as a template), with small pages (1 KiB) so each user table spans
# several pages and one bad page leaves the rest readable.
import os
import random
import sqlite3
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
CATALOGUE = os.path.join(ROOT, 'db', 'catalogue')
APP_ID = 0x4C4C4D41
PAGE = 1024

# The program's own step 1 -> 2 (db/migrations.cpp). The base file is a version-1
# catalogue, so the columns it adds are dropped again after schema.sql made them.
PROGRAM_STEP_1_TO_2 = [
    "ALTER TABLE cpus ADD COLUMN sold_new INTEGER CHECK (sold_new IN (0, 1))",
    "ALTER TABLE gpus ADD COLUMN form_factor TEXT "
    "CHECK (form_factor IN ('pcie', 'sxm', 'oam', 'integrated'))",
    "ALTER TABLE gpus ADD COLUMN sold_new INTEGER CHECK (sold_new IN (0, 1))",
]
VERSION_2_COLUMNS = [("cpus", "sold_new"), ("gpus", "form_factor"), ("gpus", "sold_new")]

# The synthetic schema versions 3 and 4 of tst_catalogueupgrade.cpp, on top of the
# program's version 2. Keep in step with the test.
STEP_2_TO_3 = [
    "CREATE TABLE price_quotes (row_id INTEGER PRIMARY KEY, part TEXT NOT NULL, "
    "price_usd REAL NOT NULL, quoted_on TEXT NOT NULL) STRICT",
    "INSERT INTO price_quotes (part, price_usd, quoted_on) "
    "SELECT name, price_usd, as_of FROM cpus WHERE origin = 'user' AND price_usd IS NOT NULL "
    "UNION ALL SELECT name, price_usd, as_of FROM gpus WHERE origin = 'user' AND price_usd IS NOT NULL",
]


def read_csv(name):
    import csv
    with open(os.path.join(CATALOGUE, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def column_types(con, table):
    return {r[1]: r[2] for r in con.execute(f'PRAGMA table_info({table})')}


def typed(value, kind):
    if value == '':
        return None
    if kind == 'INTEGER':
        return int(value)
    if kind == 'REAL':
        return float(value)
    return value


def insert(con, table, origin, row):
    types = column_types(con, table)
    cols = [c for c in row if c in types]
    con.execute(f"INSERT INTO {table} (origin, {', '.join(cols)}) VALUES (?{', ?' * len(cols)})",
                [origin] + [typed(row[c], types[c]) for c in cols])


def user_rows_db(path):
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(f'PRAGMA page_size = {PAGE}')
    with open(os.path.join(ROOT, 'db', 'schema.sql'), encoding='utf-8') as f:
        con.executescript(f.read())
    for table, column in VERSION_2_COLUMNS:
        con.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
    con.execute('BEGIN')
    for key, value in [('as_of', '2026-01'), ('shipped_data_version', 'fixture-older-release'),
                       ('created_by', 'tests/data/db/make_fixtures.py')]:
        con.execute('INSERT INTO meta (key, value) VALUES (?, ?)', (key, value))
    cpu = read_csv('cpus.csv')[0]
    gpu = read_csv('gpus.csv')[0]
    # Shipped rows of an older release (refreshed on open) that user rows refer to.
    insert(con, 'cpus', 'shipped', cpu)
    insert(con, 'gpus', 'shipped', gpu)
    # The user's layer: own rows, an override, and a preset using both kinds.
    for i in range(1, 25):
        insert(con, 'cpus', 'user', dict(cpu, name=f'Fixture CPU {i:02d}', model=f'Fixture CPU {i:02d}',
                                         cores=str(4 + i), price_usd=str(100 + i),
                                         source=f'our purchasing quote {i}, supplier sheet row {i}',
                                         as_of='2026-10-01'))
    insert(con, 'cpus', 'user', dict(cpu, price_usd='149', source='our quote', as_of='2026-10-02'))
    for i in range(1, 10):
        insert(con, 'gpus', 'user', dict(gpu, name=f'Fixture GPU {i}', model=f'Fixture GPU {i}',
                                         vram_gb=str(8 * i), price_usd=str(300 + i),
                                         source=f'our purchasing quote {i}', as_of='2026-10-01'))
    model = read_csv('models.csv')[0]
    insert(con, 'models', 'user', dict(model, name='Fixture-Model-7B', display_name='Fixture 7B',
                                       source='our own measurement', as_of='2026-10-01'))
    for i, quant in enumerate(read_csv('quants.csv')[:2]):
        insert(con, 'quants', 'user', dict(quant, name=f'FIXTURE_Q{i}', source='ours', as_of='2026-10'))
    insert(con, 'memory_speeds', 'user', dict(read_csv('memory_speeds.csv')[0], standard='DDR5',
                                              speed_mts='7777', source='ours', as_of='2026-10'))
    insert(con, 'use_cases', 'user', dict(read_csv('use_cases.csv')[0], id='FIXTURE-UC',
                                          source='ours', as_of='2026-10'))
    con.execute("INSERT INTO presets (origin, name, cpu_id, memory_channels, memory_mts, "
                "memory_capacity_gb, source, as_of) SELECT 'user', 'Fixture box', row_id, 2, 5600, "
                "96, 'ours', '2026-10-01' FROM cpus WHERE name = 'Fixture CPU 03'")
    con.execute("INSERT INTO preset_gpus (preset_id, gpu_id, count, position) SELECT p.row_id, "
                "g.row_id, 2, 0 FROM presets p, gpus g WHERE p.name = 'Fixture box' AND "
                "g.name = 'Fixture GPU 2'")
    con.execute("INSERT INTO preset_gpus (preset_id, gpu_id, count, position) SELECT p.row_id, "
                "g.row_id, 1, 1 FROM presets p, gpus g WHERE p.name = 'Fixture box' AND "
                "g.origin = 'shipped'")
    con.execute(f'PRAGMA application_id = {APP_ID}')
    con.execute('PRAGMA user_version = 1')
    con.execute('COMMIT')
    con.execute('VACUUM')
    assert con.execute('PRAGMA quick_check').fetchall() == [('ok',)]
    con.close()


def rich_db(path, gpus=300):
    """The review's rich-catalogue.sqlite made small: one user CPU and `gpus` user GPUs."""
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(f'PRAGMA page_size = {PAGE}')
    with open(os.path.join(ROOT, 'db', 'schema.sql'), encoding='utf-8') as f:
        con.executescript(f.read())
    con.execute('BEGIN')
    for key, value in [('as_of', '2026-01'), ('shipped_data_version', 'fixture-older-release'),
                       ('created_by', 'tests/data/db/make_fixtures.py')]:
        con.execute('INSERT INTO meta (key, value) VALUES (?, ?)', (key, value))
    cpu = read_csv('cpus.csv')[0]
    gpu = read_csv('gpus.csv')[0]
    insert(con, 'cpus', 'shipped', cpu)
    insert(con, 'gpus', 'shipped', gpu)
    insert(con, 'cpus', 'user', dict(cpu, name='Rich CPU', model='Rich CPU', source='ours',
                                     as_of='2026-10-01'))
    for i in range(1, gpus + 1):
        insert(con, 'gpus', 'user', dict(gpu, name=f'Rich GPU {i:04d}', model=f'Rich GPU {i:04d}',
                                         vram_gb=str(8 + i % 64), price_usd=str(300 + i),
                                         source=f'supplier sheet row {i}', as_of='2026-10-01'))
    con.execute(f'PRAGMA application_id = {APP_ID}')
    con.execute('PRAGMA user_version = 1')
    con.execute('COMMIT')
    con.execute('VACUUM')
    assert con.execute('PRAGMA quick_check').fetchall() == [('ok',)]
    con.close()


def dumped_user_rows(path):
    """User rows that `sqlite3 FILE .dump` gets back (None without the sqlite3 shell)."""
    import subprocess
    try:
        out = subprocess.run(['sqlite3', path, '.dump'], capture_output=True, check=False).stdout
    except FileNotFoundError:
        return None
    return sum(1 for line in out.decode('utf-8', 'replace').splitlines()
               if line.startswith('INSERT INTO') and "'user'" in line)


def leaf_pages(path, table):
    con = sqlite3.connect(path)
    pages = [r[0] for r in con.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    con.close()
    return pages


def varint(data, at):
    value = 0
    for i in range(9):
        b = data[at + i]
        if i == 8:
            return (value << 8) | b, at + 9
        value = (value << 7) | (b & 0x7F)
        if b < 0x80:
            return value, at + i + 1
    raise ValueError


def rowids_on_leaf(data, page):
    base = (page - 1) * PAGE
    head = base + (100 if page == 1 else 0)
    assert data[head] == 0x0D, 'not a table leaf page'
    cells = struct.unpack('>H', data[head + 3:head + 5])[0]
    ids = []
    for i in range(cells):
        offset = struct.unpack('>H', data[head + 8 + 2 * i:head + 10 + 2 * i])[0]
        _, at = varint(data, base + offset)
        rowid, _ = varint(data, at)
        ids.append(rowid)
    return ids


def names_of(path, table, ids):
    con = sqlite3.connect(path)
    names = [con.execute(f'SELECT name FROM {table} WHERE row_id = ?', (i,)).fetchone()[0]
             for i in ids]
    con.close()
    return names


def quick_check(path):
    try:
        con = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
        result = con.execute('PRAGMA quick_check').fetchall()
        con.close()
        return result
    except sqlite3.DatabaseError as e:
        return [(str(e),)]


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


def main():
    base = os.path.join(HERE, 'user-rows-v1.sqlite')
    user_rows_db(base)
    with open(base, 'rb') as f:
        good = f.read()

    # One cpus page of the user's rows overwritten: the other pages, tables and
    # the index must still give back everything else. The names lost are listed.
    pages = leaf_pages(base, 'cpus')
    victim = pages[len(pages) // 2]
    lost = names_of(base, 'cpus', rowids_on_leaf(good, victim))
    bad = bytearray(good)
    bad[(victim - 1) * PAGE:victim * PAGE] = b'\xab' * PAGE
    write('user-rows-bad-page.sqlite', bytes(bad))
    assert quick_check(os.path.join(HERE, 'user-rows-bad-page.sqlite')) != [('ok',)]
    with open(os.path.join(HERE, 'user-rows-bad-page.lost'), 'w', encoding='utf-8') as f:
        f.write(''.join(n + '\n' for n in lost))

    # A flipped byte: the high byte of the first cell pointer of a gpus page.
    gpu_page = leaf_pages(base, 'gpus')[0]
    flipped = bytearray(good)
    flipped[(gpu_page - 1) * PAGE + 8] ^= 0xFF
    write('flipped-byte.sqlite', bytes(flipped))
    assert quick_check(os.path.join(HERE, 'flipped-byte.sqlite')) != [('ok',)]

    write('zero-bytes.sqlite', b'')
    rng = random.Random(20261126)
    write('random-bytes.sqlite', bytes(rng.randrange(256) for _ in range(8192)))
    write('first-page-zeroed.sqlite', b'\0' * PAGE + good[PAGE:])
    write('truncated-half.sqlite', good[:len(good) // 2 // PAGE * PAGE])
    assert quick_check(os.path.join(HERE, 'truncated-half.sqlite')) != [('ok',)]

    def variant(name, *sql):
        path = os.path.join(HERE, name)
        with open(path, 'wb') as f:
            f.write(good)
        con = sqlite3.connect(path, isolation_level=None)
        for s in sql:
            con.execute(s)
        con.close()

    # Far above any version the program will reach: always "newer".
    variant('newer-version.sqlite', 'PRAGMA user_version = 99')
    variant('foreign-app-id.sqlite', 'PRAGMA application_id = 305419896')
    # Version 0 with the program's id: a creation that never finished.
    variant('unfinished-v0.sqlite', 'PRAGMA user_version = 0')
    # The synthetic older schema (version 3 of a chain that ends at 4).
    variant('synthetic-v3.sqlite', 'BEGIN', *PROGRAM_STEP_1_TO_2, *STEP_2_TO_3,
            'PRAGMA user_version = 3', 'COMMIT')
    # The reliability review's D7 cases, small: the rich catalogue truncated at
    # half (SQLite refuses the file as a whole: its header counts more pages),
    # and 20 random 8-byte writes, one of which garbles the sqlite_schema entry
    # of another table (the whole schema then fails to load). tst_cataloguefaults
    # expects what `sqlite3 .dump` gets back (printed here).
    rich = os.path.join(HERE, 'rich-v1.sqlite')
    rich_db(rich)
    with open(rich, 'rb') as f:
        rich_bytes = f.read()
    os.remove(rich)
    write('rich-truncated-half.sqlite', rich_bytes[:len(rich_bytes) // 2 // PAGE * PAGE])
    rng = random.Random(20261239)
    sprinkled = bytearray(rich_bytes)
    for _ in range(20):
        at = rng.randrange(len(sprinkled) - 8)
        sprinkled[at:at + 8] = bytes(rng.randrange(256) for _ in range(8))
    write('rich-sprinkled.sqlite', bytes(sprinkled))
    for name in ('rich-truncated-half.sqlite', 'rich-sprinkled.sqlite'):
        path = os.path.join(HERE, name)
        assert quick_check(path) != [('ok',)]
        print(f'{name}: sqlite3 .dump gets back {dumped_user_rows(path)} user rows')
    print('fixtures written; lost on the bad page:', ', '.join(lost))
    return 0


if __name__ == '__main__':
    sys.exit(main())
