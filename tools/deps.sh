#!/usr/bin/env bash
# deps.sh — make sure this machine can build (and, with "test", test) arabic_news.
#
#   bash tools/deps.sh build   server headers, ICU, pkg-config, a C compiler
#   bash tools/deps.sh test    the above plus pgTAP and pg_prove
#
# As root, missing Debian packages are installed with apt-get.  As any other
# user, the exact apt-get line is printed and the script exits 1.
set -euo pipefail
want=${1:-build}

pg_major() {
	local v
	v=$(pg_config --version 2>/dev/null | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
	if [ -z "$v" ]; then
		# No pg_config yet: take the newest server Debian installed.
		v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
	fi
	echo "${v:-15}"
}
major=$(pg_major)

missing=()
pgxs=$(pg_config --pgxs 2>/dev/null || true)
# pgxs.mk alone is not enough: some images ship it without the server headers.
incdir=$(pg_config --includedir-server 2>/dev/null || true)
if [ -z "$pgxs" ] || [ ! -f "$pgxs" ] || [ ! -f "$incdir/postgres.h" ]; then
	missing+=("postgresql-server-dev-$major")
fi
command -v pkg-config >/dev/null || missing+=(pkg-config)
pkg-config --exists icu-uc icu-i18n 2>/dev/null || missing+=(libicu-dev)
command -v cc >/dev/null || missing+=(gcc)
command -v make >/dev/null || missing+=(make)
if [ "$want" = test ]; then
	command -v pg_prove >/dev/null || missing+=(libtap-parser-sourcehandler-pgtap-perl)
	sharedir=$(pg_config --sharedir 2>/dev/null || echo "/usr/share/postgresql/$major")
	ls "$sharedir"/extension/pgtap.control >/dev/null 2>&1 || missing+=("postgresql-$major-pgtap")
	[ -x "/usr/lib/postgresql/$major/bin/initdb" ] || missing+=("postgresql-$major")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "arabic_news needs these Debian packages: ${missing[*]}" >&2
	echo "install them with:" >&2
	echo "  sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${missing[@]}" >/dev/null
