# Sourced by the other scripts: the tools they install live here.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
