#!/usr/bin/env bash
# cluster.sh — a throwaway PostgreSQL cluster for the demo, the tests, the
# benchmark and the evaluations.  Source it, then:
#
#   an_cluster_start     build, install into a private copy of the server
#                        tree, initdb (UTF8, C.UTF-8) as a non-root user,
#                        start on a private Unix socket
#   an_psql [args]       psql connected to it (ON_ERROR_STOP, no psqlrc)
#   an_cluster_stop      stop it and remove everything
#
# The extension is installed with "make install DESTDIR=<sandbox>" into a
# copy of the server's bin/ and share/ trees (PostgreSQL finds share/ and
# lib/ relative to its own binary), so tests never touch the system install
# and need no root rights beyond installing packages.  PostgreSQL refuses to
# run as root: when we are root the server runs as "nobody".

AN_ROOT=${AN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

# make for our own build: PGXS reads DOCS (files to install), which
# "make demo DOCS=dir" also sets, so the build runs without the caller's
# command-line variables.
an_make() {
	env -u DOCS -u MAKEFLAGS -u MFLAGS -u MAKEOVERRIDES make "$@"
}

an_run_as_server() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

an_sandbox_install() {
	local sb=$1 bindir sharedir pkglibdir f
	bindir=$(pg_config --bindir)
	sharedir=$(pg_config --sharedir)
	pkglibdir=$(pg_config --pkglibdir)
	# An empty answer (pg_config missing, or run from a deleted directory)
	# would make the copies below copy the whole root file system.
	if [ -z "$sb" ] || [ -z "$bindir" ] || [ -z "$sharedir" ] || [ -z "$pkglibdir" ]; then
		echo "an_sandbox_install: pg_config names no server directories (sandbox '$sb')" >&2
		return 1
	fi
	mkdir -p "$sb$bindir" "$sb$sharedir" "$sb$pkglibdir"
	cp -a "$bindir/." "$sb$bindir/"
	cp -a "$sharedir/." "$sb$sharedir/"
	for f in "$pkglibdir"/*; do ln -sf "$f" "$sb$pkglibdir/"; done
	an_make -C "$AN_ROOT" -s install DESTDIR="$sb" >/dev/null
	chmod -R a+rX "$sb"
}

an_cluster_start() {
	an_make -C "$AN_ROOT" -s >/dev/null
	AN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/arabic_news.XXXXXX") || return 1
	chmod 755 "$AN_TMP"
	an_sandbox_install "$AN_TMP/inst" || return 1
	AN_BIN="$AN_TMP/inst$(pg_config --bindir)"
	AN_PORT=${AN_PORT:-5432}
	AN_SOCK="$AN_TMP/sock"
	AN_DATA="$AN_TMP/data"
	mkdir -p "$AN_SOCK" "$AN_DATA"
	if [ "$(id -u)" -eq 0 ]; then chown nobody "$AN_SOCK" "$AN_DATA"; AN_USER=nobody; else AN_USER=$(id -un); fi
	chmod 700 "$AN_DATA"
	(cd /tmp && an_run_as_server "$AN_BIN/initdb" -D "$AN_DATA" -E UTF8 --locale=C.UTF-8 \
		-A trust -U "$AN_USER" >"$AN_TMP/initdb.log" 2>&1) || { cat "$AN_TMP/initdb.log"; return 1; }
	cat >>"$AN_DATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$AN_SOCK'
port = $AN_PORT
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
max_parallel_workers_per_gather = 0
jit = off
log_min_messages = warning
CONF
	touch "$AN_TMP/server.log"; chmod 666 "$AN_TMP/server.log"
	(cd /tmp && an_run_as_server "$AN_BIN/pg_ctl" -D "$AN_DATA" -l "$AN_TMP/server.log" -w -t 60 start >/dev/null) \
		|| { cat "$AN_TMP/server.log"; return 1; }
	export PGHOST="$AN_SOCK" PGPORT="$AN_PORT" PGUSER="$AN_USER"
	export AN_TMP AN_BIN AN_PORT AN_SOCK AN_DATA AN_USER
}

an_psql() {
	psql -X -q -v ON_ERROR_STOP=1 -h "$AN_SOCK" -p "$AN_PORT" -U "$AN_USER" "$@"
}

an_cluster_stop() {
	[ -n "${AN_TMP:-}" ] && [ -d "$AN_TMP" ] || return 0
	(cd /tmp && an_run_as_server "$AN_BIN/pg_ctl" -D "$AN_DATA" -m fast -w stop >/dev/null 2>&1) || true
	rm -rf "$AN_TMP"
	AN_TMP=
}

# Where the shared evaluation data lives; empty when this clone has none.
an_shared_dir() {
	local d
	d=${AN_SHARED:-$AN_ROOT/../shared}
	[ -d "$d" ] && (cd "$d" && pwd) || true
}

# ---- named clusters on loopback (several servers at once, e.g. shards)
#
#   an_node_start NAME   one more throwaway cluster (UTF8, C.UTF-8, as
#                        "nobody" when root) listening on 127.0.0.1 at a free
#                        port; all of them run from one sandbox install
#   an_node_port NAME    that port
#   an_node_psql NAME [args]   psql connected to it over TCP
#   an_nodes_stop        stop every named cluster and remove them
#
# They leave the variables of an_cluster_start (AN_TMP, PGHOST, …) alone, so
# a script can run one main cluster and any number of named ones.  initdb
# runs once; each node starts from a copy of that data directory.  Like the
# main cluster they trust local connections: throwaway test servers only.
declare -gA AN_NODE_PORT=()
AN_NODES_TMP=

an_nodes_prepare() {
	an_make -C "$AN_ROOT" -s >/dev/null || return 1
	AN_NODES_TMP=$(mktemp -d "${TMPDIR:-/tmp}/arabic_news_nodes.XXXXXX") || return 1
	chmod 755 "$AN_NODES_TMP"
	an_sandbox_install "$AN_NODES_TMP/inst" || return 1
	mkdir -p "$AN_NODES_TMP/template"
	if [ "$(id -u)" -eq 0 ]; then chown nobody "$AN_NODES_TMP/template"; fi
	chmod 700 "$AN_NODES_TMP/template"
	(cd /tmp && an_run_as_server "$AN_NODES_TMP/inst$(pg_config --bindir)/initdb" -D "$AN_NODES_TMP/template" \
		-E UTF8 --locale=C.UTF-8 -A trust -U "$(an_server_user)" --no-sync >"$AN_NODES_TMP/initdb.log" 2>&1) \
		|| { cat "$AN_NODES_TMP/initdb.log"; return 1; }
}

an_node_start() {
	local name=$1 dir try port
	[ -n "$AN_NODES_TMP" ] || an_nodes_prepare || return 1
	dir="$AN_NODES_TMP/$name"
	mkdir "$dir" && chmod 755 "$dir"
	cp -a "$AN_NODES_TMP/template" "$dir/data"
	touch "$dir/server.log"; chmod 666 "$dir/server.log"
	cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_parallel_workers_per_gather = 0
jit = off
log_min_messages = warning
CONF
	# Another process may take the port between the probe and the start: try again.
	for try in 1 2 3 4 5; do
		port=$(an_free_port)
		if (cd /tmp && an_run_as_server "$AN_NODES_TMP/inst$(pg_config --bindir)/pg_ctl" -D "$dir/data" \
			-l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null); then
			AN_NODE_PORT[$name]=$port
			return 0
		fi
	done
	cat "$dir/server.log"
	return 1
}

# A TCP port on 127.0.0.1 that nothing answers on now.
an_free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 40000))
		(: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
	done
}

an_node_port() {
	echo "${AN_NODE_PORT[$1]}"
}

an_node_psql() {
	local name=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${AN_NODE_PORT[$name]}" -U "$(an_server_user)" "$@"
}

# The role initdb made for the named clusters: the server's own user.
an_server_user() {
	if [ "$(id -u)" -eq 0 ]; then echo nobody; else id -un; fi
}

an_nodes_stop() {
	local name
	[ -n "$AN_NODES_TMP" ] && [ -d "$AN_NODES_TMP" ] || return 0
	for name in "${!AN_NODE_PORT[@]}"; do
		(cd /tmp && an_run_as_server "$AN_NODES_TMP/inst$(pg_config --bindir)/pg_ctl" -D "$AN_NODES_TMP/$name/data" \
			-m fast -w stop >/dev/null 2>&1) || true
	done
	rm -rf "$AN_NODES_TMP"
	AN_NODES_TMP=
	AN_NODE_PORT=()
}

# ---- crash, restart and a streaming standby (bm25 reliability targets) ----
#   an_cluster_conf 'name = value' …  append settings (read at the next start)
#   an_server_start      start the server on the existing data directory
#                        (after an_cluster_kill9: crash recovery)
#   an_cluster_kill9     kill -9 the postmaster, then its remaining children
#                        (by process id), and wait until all are gone
#   an_standby_start     pg_basebackup the running cluster into a standby
#                        that streams over the Unix socket; AN_STANDBY_SOCK
#   an_standby_psql      psql connected to the standby
#   an_standby_wait      wait until the standby replayed all WAL written so far
#   an_standby_stop      stop the standby (before an_cluster_stop)
an_cluster_conf() {
	printf '%s\n' "$@" >>"$AN_DATA/postgresql.conf"
}

an_server_start() {
	# (after a kill -9, pg_ctl warns that "another server might be running")
	(cd /tmp && an_run_as_server "$AN_BIN/pg_ctl" -D "$AN_DATA" -l "$AN_TMP/server.log" -w -t 300 start >/dev/null 2>&1) \
		|| { tail -20 "$AN_TMP/server.log"; return 1; }
}

an_cluster_kill9() {
	local pm pids p i
	pm=$(head -1 "$AN_DATA/postmaster.pid" 2>/dev/null) || return 1
	pids=$(ps -o pid= --ppid "$pm" 2>/dev/null || true)
	kill -9 "$pm" 2>/dev/null || true
	for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
	for ((i = 0; i < 300; i++)); do
		kill -0 "$pm" 2>/dev/null && { sleep 0.1; continue; }
		for p in $pids; do kill -0 "$p" 2>/dev/null && { sleep 0.1; continue 2; }; done
		return 0
	done
	echo "an_cluster_kill9: processes still alive" >&2
	return 1
}

an_standby_start() {
	AN_STANDBY_DATA="$AN_TMP/standby"
	AN_STANDBY_SOCK="$AN_TMP/sock_standby"
	mkdir -p "$AN_STANDBY_SOCK" "$AN_STANDBY_DATA"
	[ "$(id -u)" -eq 0 ] && chown nobody "$AN_STANDBY_SOCK" "$AN_STANDBY_DATA"
	chmod 700 "$AN_STANDBY_DATA"
	(cd /tmp && an_run_as_server "$AN_BIN/pg_basebackup" -h "$AN_SOCK" -p "$AN_PORT" -U "$AN_USER" \
		-D "$AN_STANDBY_DATA" -R -X stream -c fast) >"$AN_TMP/basebackup.log" 2>&1 \
		|| { cat "$AN_TMP/basebackup.log"; return 1; }
	printf "unix_socket_directories = '%s'\nhot_standby = on\n" "$AN_STANDBY_SOCK" >>"$AN_STANDBY_DATA/postgresql.conf"
	touch "$AN_TMP/standby.log"; chmod 666 "$AN_TMP/standby.log"
	(cd /tmp && an_run_as_server "$AN_BIN/pg_ctl" -D "$AN_STANDBY_DATA" -l "$AN_TMP/standby.log" -w -t 120 start >/dev/null) \
		|| { cat "$AN_TMP/standby.log"; return 1; }
	export AN_STANDBY_DATA AN_STANDBY_SOCK
}

an_standby_psql() {
	psql -X -q -v ON_ERROR_STOP=1 -h "$AN_STANDBY_SOCK" -p "$AN_PORT" -U "$AN_USER" "$@"
}

an_standby_wait() {
	local lsn i
	lsn=$(an_psql -d postgres -Atc "SELECT pg_current_wal_lsn()")
	for ((i = 0; i < 1200; i++)); do
		[ "$(an_standby_psql -d postgres -Atc "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] && return 0
		sleep 0.1
	done
	echo "an_standby_wait: the standby did not reach $lsn in 120 s" >&2
	return 1
}

an_standby_stop() {
	[ -n "${AN_STANDBY_DATA:-}" ] && [ -d "$AN_STANDBY_DATA" ] || return 0
	(cd /tmp && an_run_as_server "$AN_BIN/pg_ctl" -D "$AN_STANDBY_DATA" -m fast -w stop >/dev/null 2>&1) || true
	AN_STANDBY_DATA=
}
