"""The theme's templates compiled once and kept (Jinja's bytecode cache, in the system's temporary
folder), not compiled again for every build: about a third of a second of each edition's build, in
make check, make test and make serve on every save. Zensical ignores MkDocs hooks and needs none."""

from jinja2 import FileSystemBytecodeCache


def on_env(env, config, files):
    env.bytecode_cache = FileSystemBytecodeCache()
    return env
