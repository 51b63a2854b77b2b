-- SPDX-License-Identifier: MIT
-- The per-user catalogue database, schema version 3 (PRAGMA user_version = 3,
-- PRAGMA application_id = 0x4C4C4D41 'LLMA'; both set by the program).
--
-- Every catalogue table has an origin: 'shipped' rows come from the program's
-- embedded data and belong to the release; 'user' rows are the user's own
-- parts and overrides. A user row with the same key as a shipped row
-- overrides it. A new release replaces the shipped rows (upsert by key, so
-- row ids and foreign keys survive) and never touches user rows.
-- Unknown values are NULL; CHECKs let NULL through where a value is optional.
-- Statements are separated by a semicolon at the end of a line.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE cpus (
    row_id               INTEGER PRIMARY KEY,
    origin               TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
    name                 TEXT NOT NULL CHECK (length(name) > 0),
    vendor               TEXT NOT NULL CHECK (length(vendor) > 0),
    model                TEXT NOT NULL,
    family               TEXT NOT NULL CHECK (family IN ('desktop', 'workstation', 'server', 'mobile', 'other')),
    socket               TEXT,
    architecture         TEXT,
    cores                INTEGER NOT NULL CHECK (cores > 0),
    threads              INTEGER CHECK (threads > 0),
    base_ghz             REAL CHECK (base_ghz > 0),
    boost_ghz            REAL CHECK (boost_ghz > 0),
    l3_mb                REAL CHECK (l3_mb > 0),
    ccd_count            INTEGER NOT NULL DEFAULT 0 CHECK (ccd_count BETWEEN 0 AND 64),
    fabric_links_per_ccd INTEGER NOT NULL DEFAULT 1 CHECK (fabric_links_per_ccd IN (1, 2)),
    fclk_ghz             REAL CHECK (fclk_ghz > 0),
    memory_channels      INTEGER NOT NULL CHECK (memory_channels > 0),
    max_memory_gb        REAL CHECK (max_memory_gb > 0),
    memory_type          TEXT NOT NULL CHECK (length(memory_type) > 0),
    memory_type_detail   TEXT,
    max_mts              REAL NOT NULL CHECK (max_mts > 0),
    avx512               INTEGER NOT NULL DEFAULT 0 CHECK (avx512 IN (0, 1)),
    avx512_bf16          INTEGER NOT NULL DEFAULT 0 CHECK (avx512_bf16 IN (0, 1)),
    amx                  INTEGER NOT NULL DEFAULT 0 CHECK (amx IN (0, 1)),
    pcie_lanes           INTEGER CHECK (pcie_lanes > 0),
    pcie_gen             INTEGER CHECK (pcie_gen BETWEEN 1 AND 7),
    tdp_w                REAL CHECK (tdp_w BETWEEN 1 AND 2000),
    price_usd            REAL CHECK (price_usd >= 0),
    unified_bw_gbs       REAL CHECK (unified_bw_gbs > 0),
    approximate          TEXT,
    source               TEXT NOT NULL CHECK (length(source) > 0),
    as_of                TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'),
    -- since version 2 (added by ALTER TABLE in the upgrade, hence after as_of),
    -- NULL = unknown, counted as on sale
    sold_new             INTEGER CHECK (sold_new IN (0, 1)),
    UNIQUE (name, origin)
) STRICT;

CREATE TABLE gpus (
    row_id         INTEGER PRIMARY KEY,
    origin         TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
    name           TEXT NOT NULL CHECK (length(name) > 0),
    vendor         TEXT NOT NULL CHECK (length(vendor) > 0),
    model          TEXT NOT NULL,
    segment        TEXT,
    architecture   TEXT,
    vram_gb        REAL NOT NULL CHECK (vram_gb > 0),
    memory_type    TEXT,
    bus_width_bits INTEGER CHECK (bus_width_bits > 0),
    bandwidth_gbs  REAL NOT NULL CHECK (bandwidth_gbs > 0),
    fp16_tflops    REAL CHECK (fp16_tflops > 0),
    int8_tops      REAL CHECK (int8_tops > 0),
    tdp_w          REAL CHECK (tdp_w BETWEEN 1 AND 2000),
    pcie_gen       INTEGER CHECK (pcie_gen BETWEEN 1 AND 7),
    pcie_lanes     INTEGER CHECK (pcie_lanes > 0),
    nvlink         INTEGER NOT NULL DEFAULT 0 CHECK (nvlink IN (0, 1)),
    integrated     INTEGER NOT NULL DEFAULT 0 CHECK (integrated IN (0, 1)),
    price_usd      REAL CHECK (price_usd >= 0),
    approximate    TEXT,
    source         TEXT NOT NULL CHECK (length(source) > 0),
    as_of          TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'),
    -- since version 2 (see cpus.sold_new), NULL = unknown
    form_factor    TEXT CHECK (form_factor IN ('pcie', 'sxm', 'oam', 'integrated')),
    sold_new       INTEGER CHECK (sold_new IN (0, 1)),
    UNIQUE (name, origin)
) STRICT;

CREATE TABLE models (
    row_id                INTEGER PRIMARY KEY,
    origin                TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
    name                  TEXT NOT NULL CHECK (length(name) > 0),
    family                TEXT,
    display_name          TEXT,
    hf_repo               TEXT,
    params_total          INTEGER NOT NULL CHECK (params_total > 0),
    params_active         INTEGER NOT NULL CHECK (params_active > 0 AND params_active <= params_total),
    moe                   INTEGER NOT NULL DEFAULT 0 CHECK (moe IN (0, 1)),
    experts_total         INTEGER CHECK (experts_total > 0),
    experts_active        INTEGER CHECK (experts_active > 0),
    shared_experts        INTEGER CHECK (shared_experts >= 0),
    routed_expert_params  INTEGER CHECK (routed_expert_params > 0),
    layers                INTEGER NOT NULL CHECK (layers > 0),
    hidden_size           INTEGER CHECK (hidden_size > 0),
    heads                 INTEGER CHECK (heads > 0),
    kv_heads              INTEGER NOT NULL CHECK (kv_heads > 0),
    head_dim              INTEGER NOT NULL CHECK (head_dim > 0),
    attention             TEXT NOT NULL CHECK (attention IN ('gqa', 'mha', 'mla', 'sliding')),
    sliding_window        INTEGER CHECK (sliding_window > 0),
    full_attention_layers INTEGER CHECK (full_attention_layers > 0),
    kv_lora_rank          INTEGER CHECK (kv_lora_rank > 0),
    qk_rope_head_dim      INTEGER CHECK (qk_rope_head_dim > 0),
    max_context           INTEGER CHECK (max_context > 0),
    license               TEXT,
    release_date          TEXT,
    params_basis          TEXT,
    approximate           TEXT,
    source                TEXT NOT NULL CHECK (length(source) > 0),
    as_of                 TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'),
    CHECK (moe = 0 OR (experts_total > experts_active AND routed_expert_params IS NOT NULL)),
    UNIQUE (name, origin)
) STRICT;

CREATE TABLE quants (
    row_id          INTEGER PRIMARY KEY,
    origin          TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
    name            TEXT NOT NULL CHECK (length(name) > 0),
    format          TEXT,
    bits_per_weight REAL NOT NULL CHECK (bits_per_weight > 0 AND bits_per_weight <= 64),
    bpw_basis       TEXT,
    block_bpw       REAL CHECK (block_bpw > 0),
    notes           TEXT,
    approximate     TEXT,
    source          TEXT NOT NULL CHECK (length(source) > 0),
    as_of           TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'),
    UNIQUE (name, origin)
) STRICT;

CREATE TABLE memory_speeds (
    row_id      INTEGER PRIMARY KEY,
    origin      TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
    standard    TEXT NOT NULL CHECK (length(standard) > 0),
    speed_mts   REAL NOT NULL CHECK (speed_mts > 0),
    origin_note TEXT,
    source      TEXT NOT NULL CHECK (length(source) > 0),
    as_of       TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'),
    UNIQUE (standard, speed_mts, origin)
) STRICT;

CREATE TABLE use_cases (
    row_id        INTEGER PRIMARY KEY,
    origin        TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
    id            TEXT NOT NULL CHECK (length(id) > 0),
    description   TEXT,
    prompt_tokens INTEGER NOT NULL CHECK (prompt_tokens > 0),
    gen_tokens    INTEGER NOT NULL CHECK (gen_tokens > 0),
    source        TEXT NOT NULL CHECK (length(source) > 0),
    as_of         TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'),
    UNIQUE (id, origin)
) STRICT;

CREATE TABLE presets (
    row_id             INTEGER PRIMARY KEY,
    origin             TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
    name               TEXT NOT NULL CHECK (length(name) > 0),
    cpu_id             INTEGER NOT NULL REFERENCES cpus (row_id) ON DELETE RESTRICT,
    memory_channels    INTEGER NOT NULL CHECK (memory_channels > 0),
    memory_mts         REAL NOT NULL CHECK (memory_mts > 0),
    memory_capacity_gb REAL NOT NULL CHECK (memory_capacity_gb > 0),
    seed_row           INTEGER,
    note               TEXT,
    source             TEXT NOT NULL CHECK (length(source) > 0),
    as_of              TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'),
    UNIQUE (name, origin)
) STRICT;

CREATE TABLE preset_gpus (
    preset_id INTEGER NOT NULL REFERENCES presets (row_id) ON DELETE CASCADE,
    gpu_id    INTEGER NOT NULL REFERENCES gpus (row_id) ON DELETE RESTRICT,
    count     INTEGER NOT NULL CHECK (count > 0),
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (preset_id, gpu_id)
) STRICT;

CREATE INDEX presets_cpu ON presets (cpu_id);
CREATE INDEX preset_gpus_gpu ON preset_gpus (gpu_id);

-- Since version 3: the user's own llama-bench measurements
-- (llmadvisor-cli measurements import), one row per llama-bench test. They are
-- the user's alone: the shipped measurements stay in the program's data and a
-- new release never touches this table. Names are catalogue names (cpu, gpu,
-- model, quant); what llama-bench printed is kept beside them as it was.
CREATE TABLE user_measurements (
    row_id         INTEGER PRIMARY KEY,
    imported_at    TEXT NOT NULL CHECK (length(imported_at) > 0),
    file           TEXT NOT NULL,
    run_date       TEXT NOT NULL CHECK (run_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    hardware_kind  TEXT NOT NULL CHECK (hardware_kind IN ('cpu', 'gpu', 'unified', 'hybrid')),
    cpu            TEXT,
    gpu            TEXT,
    gpu_count      INTEGER CHECK (gpu_count > 0),
    ram_channels   INTEGER CHECK (ram_channels > 0),
    ram_speed_mts  REAL CHECK (ram_speed_mts > 0),
    model          TEXT NOT NULL CHECK (length(model) > 0),
    quant          TEXT NOT NULL CHECK (length(quant) > 0),
    params_b       REAL CHECK (params_b > 0),
    model_file_gb  REAL CHECK (model_file_gb > 0),
    test           TEXT NOT NULL CHECK (length(test) > 0),
    prompt_tokens  INTEGER NOT NULL CHECK (prompt_tokens >= 0),
    gen_tokens     INTEGER NOT NULL CHECK (gen_tokens >= 0),
    depth          INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),
    tok_s          REAL NOT NULL CHECK (tok_s > 0),
    stddev_tok_s   REAL CHECK (stddev_tok_s >= 0),
    repetitions    INTEGER CHECK (repetitions > 0),
    backend        TEXT,
    build          TEXT,
    threads        INTEGER,
    n_gpu_layers   INTEGER,
    n_batch        INTEGER,
    n_ubatch       INTEGER,
    flash_attn     INTEGER CHECK (flash_attn IN (0, 1)),
    type_k         TEXT,
    type_v         TEXT,
    cpu_info       TEXT,
    gpu_info       TEXT,
    model_filename TEXT,
    model_type     TEXT,
    notes          TEXT
) STRICT;
