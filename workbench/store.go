package workbench

import (
	"context"
	"database/sql"
	"errors"
	"time"

	// The pure-Go SQLite driver keeps the single binary cgo-free.
	_ "modernc.org/sqlite"

	"github.com/jixiao/jixiao/internal/msg"
)

// store is the workbench's history: ruleset versions, datasets by hash and
// runs with their audit stamps, in one SQLite file.
type store struct {
	db  *sql.DB
	now func() time.Time
}

const schema = `
CREATE TABLE IF NOT EXISTS versions (
	id INTEGER PRIMARY KEY,
	ruleset_id TEXT NOT NULL,
	version TEXT NOT NULL,
	title TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	yaml BLOB NOT NULL,
	note TEXT NOT NULL,
	created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS datasets (
	sha256 TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	bytes BLOB NOT NULL,
	created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
	id INTEGER PRIMARY KEY,
	ruleset_id TEXT NOT NULL,
	ruleset_version TEXT NOT NULL,
	ruleset_sha256 TEXT NOT NULL,
	ruleset_yaml BLOB NOT NULL,
	data_name TEXT NOT NULL,
	data_sha256 TEXT NOT NULL,
	stamp TEXT NOT NULL,
	output BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS run_units (
	run_id INTEGER NOT NULL REFERENCES runs(id),
	unit TEXT NOT NULL,
	name TEXT NOT NULL,
	scored INTEGER NOT NULL,
	score REAL NOT NULL,
	grade TEXT NOT NULL,
	rank INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS run_units_unit ON run_units(unit);
`

// openStore opens (or creates) the database at path; ":memory:" keeps it in
// memory, for tests.
func openStore(path string, now func() time.Time) (*store, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	if path == ":memory:" {
		dsn = "file::memory:?_pragma=foreign_keys(1)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, zh().Wrap(err, msg.WbDatabase, path)
	}
	// One connection: SQLite writes one at a time anyway, and an in-memory
	// database exists once per connection.
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, zh().Wrap(err, msg.WbDatabase, path)
	}
	return &store{db: db, now: now}, nil
}

func (s *store) Close() error { return s.db.Close() }

func (s *store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// Version is a saved ruleset version.
type Version struct {
	ID        int64  `json:"id"`
	RulesetID string `json:"ruleset_id"`
	Version   string `json:"version"`
	Title     string `json:"title"`
	SHA256    string `json:"sha256"`
	Note      string `json:"note"`
	Created   string `json:"created"`
	YAML      string `json:"yaml,omitempty"`
}

func (s *store) addVersion(ctx context.Context, v Version) (Version, error) {
	v.Created = s.stamp()
	res, err := s.db.ExecContext(ctx, `INSERT INTO versions (ruleset_id, version, title, sha256, yaml, note, created) VALUES (?,?,?,?,?,?,?)`,
		v.RulesetID, v.Version, v.Title, v.SHA256, []byte(v.YAML), v.Note, v.Created)
	if err != nil {
		return v, zh().Wrap(err, msg.WbSaveVersion)
	}
	v.ID, err = res.LastInsertId()
	return v, err
}

func (s *store) versions(ctx context.Context) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, ruleset_id, version, title, sha256, note, created FROM versions ORDER BY id`)
	if err != nil {
		return nil, zh().Wrap(err, msg.WbListVersions)
	}
	defer rows.Close()
	out := []Version{}
	for rows.Next() {
		var v Version
		if err := rows.Scan(&v.ID, &v.RulesetID, &v.Version, &v.Title, &v.SHA256, &v.Note, &v.Created); err != nil {
			return nil, zh().Wrap(err, msg.WbListVersions)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

var errNotFound = zh().Errorf(msg.WbNotFound)

func (s *store) version(ctx context.Context, id int64) (Version, error) {
	var v Version
	var y []byte
	err := s.db.QueryRowContext(ctx, `SELECT id, ruleset_id, version, title, sha256, yaml, note, created FROM versions WHERE id = ?`, id).
		Scan(&v.ID, &v.RulesetID, &v.Version, &v.Title, &v.SHA256, &y, &v.Note, &v.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return v, zh().Wrap(errNotFound, msg.WbRulesetVersion, id)
	}
	v.YAML = string(y)
	return v, err
}

// Dataset is an uploaded data file, kept by the hash of its bytes.
type Dataset struct {
	SHA256  string `json:"sha256"`
	Name    string `json:"name"`
	Size    int    `json:"size"`
	Created string `json:"created"`
}

// addDataset keeps bytes under their hash; the same bytes uploaded again
// keep their first name and date.
func (s *store) addDataset(ctx context.Context, sum, name string, b []byte) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO datasets (sha256, name, bytes, created) VALUES (?,?,?,?) ON CONFLICT(sha256) DO NOTHING`,
		sum, name, b, s.stamp())
	if err != nil {
		return zh().Wrap(err, msg.WbSaveDataset, name)
	}
	return nil
}

func (s *store) dataset(ctx context.Context, sum string) (name string, b []byte, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT name, bytes FROM datasets WHERE sha256 = ?`, sum).Scan(&name, &b)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, zh().Wrap(errNotFound, msg.WbDataset, sum)
	}
	return name, b, err
}

func (s *store) datasets(ctx context.Context) ([]Dataset, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, name, length(bytes), created FROM datasets ORDER BY created, sha256`)
	if err != nil {
		return nil, zh().Wrap(err, msg.WbListDatasets)
	}
	defer rows.Close()
	out := []Dataset{}
	for rows.Next() {
		var d Dataset
		if err := rows.Scan(&d.SHA256, &d.Name, &d.Size, &d.Created); err != nil {
			return nil, zh().Wrap(err, msg.WbListDatasets)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Run is one kept evaluation: what went in (ruleset and data, by hash) and
// the bytes that came out, stamped with when.
type Run struct {
	ID             int64  `json:"id"`
	RulesetID      string `json:"ruleset_id"`
	RulesetVersion string `json:"ruleset_version"`
	RulesetSHA256  string `json:"ruleset_sha256"`
	DataName       string `json:"data_name"`
	DataSHA256     string `json:"data_sha256"`
	Stamp          string `json:"stamp"`
}

// RunUnit is one unit's outcome in a kept run.
type RunUnit struct {
	Run    int64   `json:"run"`
	Stamp  string  `json:"stamp"`
	Unit   string  `json:"unit"`
	Name   string  `json:"name"`
	Scored bool    `json:"scored"`
	Score  float64 `json:"score"`
	Grade  string  `json:"grade"`
	Rank   int     `json:"rank"`
	// RulesetID and RulesetVersion tell which rules scored the unit.
	RulesetID      string `json:"ruleset_id"`
	RulesetVersion string `json:"ruleset_version"`
}

func (s *store) addRun(ctx context.Context, r Run, yaml, output []byte, units []RunUnit) (Run, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return r, zh().Wrap(err, msg.WbSaveRun)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO runs (ruleset_id, ruleset_version, ruleset_sha256, ruleset_yaml, data_name, data_sha256, stamp, output) VALUES (?,?,?,?,?,?,?,?)`,
		r.RulesetID, r.RulesetVersion, r.RulesetSHA256, yaml, r.DataName, r.DataSHA256, r.Stamp, output)
	if err != nil {
		return r, zh().Wrap(err, msg.WbSaveRun)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return r, zh().Wrap(err, msg.WbSaveRun)
	}
	for _, u := range units {
		if _, err := tx.ExecContext(ctx, `INSERT INTO run_units (run_id, unit, name, scored, score, grade, rank) VALUES (?,?,?,?,?,?,?)`,
			r.ID, u.Unit, u.Name, u.Scored, u.Score, u.Grade, u.Rank); err != nil {
			return r, zh().Wrap(err, msg.WbSaveRunUnit, u.Unit)
		}
	}
	return r, tx.Commit()
}

func (s *store) runs(ctx context.Context) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, ruleset_id, ruleset_version, ruleset_sha256, data_name, data_sha256, stamp FROM runs ORDER BY id`)
	if err != nil {
		return nil, zh().Wrap(err, msg.WbListRuns)
	}
	defer rows.Close()
	out := []Run{}
	for rows.Next() {
		var r Run
		if err := rows.Scan(&r.ID, &r.RulesetID, &r.RulesetVersion, &r.RulesetSHA256, &r.DataName, &r.DataSHA256, &r.Stamp); err != nil {
			return nil, zh().Wrap(err, msg.WbListRuns)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// runOutput is the output of run id exactly as it was written.
func (s *store) runOutput(ctx context.Context, id int64) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT output FROM runs WHERE id = ?`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zh().Wrap(errNotFound, msg.WbRun, id)
	}
	return b, err
}

// unitHistory is one unit across every kept run, oldest first: a bureau
// compares a unit across years.
func (s *store) unitHistory(ctx context.Context, unit string) ([]RunUnit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.stamp, u.unit, u.name, u.scored, u.score, u.grade, u.rank, r.ruleset_id, r.ruleset_version
		FROM run_units u JOIN runs r ON r.id = u.run_id WHERE u.unit = ? ORDER BY r.id`, unit)
	if err != nil {
		return nil, zh().Wrap(err, msg.WbHistory, unit)
	}
	defer rows.Close()
	out := []RunUnit{}
	for rows.Next() {
		var u RunUnit
		if err := rows.Scan(&u.Run, &u.Stamp, &u.Unit, &u.Name, &u.Scored, &u.Score, &u.Grade, &u.Rank, &u.RulesetID, &u.RulesetVersion); err != nil {
			return nil, zh().Wrap(err, msg.WbHistory, unit)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
