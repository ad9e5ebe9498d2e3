#!/usr/bin/env bash
# Runs lessons through real Jupyter (nbconvert --execute, the installed seccomp-lab kernel) and
# takes a full-page screenshot of each in headless Chromium, with Jupyter Notebook 6's own
# styles (nbconvert's "classic" template), so that what a trainee sees can be looked at.
#
#   scripts/screenshots.sh [OUT_DIR] [NOTEBOOK...]     default: screenshots/ and lessons 00, 03, 05
#
# Needs Debian's jupyter-nbconvert and chromium (apt-get install chromium), and the lab built.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-screenshots}")
shift || true
notebooks=("$@")
if [ ${#notebooks[@]} -eq 0 ]; then
  notebooks=(notebooks/00-*.ipynb notebooks/03-*.ipynb notebooks/05-*.ipynb)
fi
for tool in jupyter chromium; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install jupyter-nbconvert chromium)" >&2; exit 2; }
done
[ -f lab-kernel/target/lab.jar ] || { echo "screenshots: lab-kernel/target/lab.jar is missing; build first: ./lab --version" >&2; exit 2; }

jupyter_home=$(mktemp -d)
trap 'rm -rf "$jupyter_home"' EXIT
java -jar lab-kernel/target/lab.jar kernel install --prefix "$jupyter_home" >/dev/null
export JUPYTER_PATH="$jupyter_home/share/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1 TESTCONTAINERS_RYUK_DISABLED=true
mkdir -p "$out"
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook" .ipynb)
  echo "[screenshots] $name: running every cell (nbconvert --execute)"
  # From the notebook's own directory, as Jupyter runs it (its relative paths start there).
  (cd "$(dirname "$notebook")" && jupyter nbconvert --to html --template classic --execute \
      --ExecutePreprocessor.kernel_name=seccomp-lab --ExecutePreprocessor.timeout=600 \
      --output-dir "$out" "$(basename "$notebook")" 2>&1 | grep -v "Debugger warning\|frozen modules\|PYDEVD\|make the debugger" || true)
  [ -f "$out/$name.html" ] || { echo "screenshots: $name did not run; see the lines above" >&2; exit 1; }
  # A tall window: Chromium's --screenshot takes the viewport, so the page must fit in it.
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,9000 \
      --screenshot="$out/$name.png" "file://$out/$name.html" >/dev/null 2>&1
  # Trims the empty page below the notebook, where Python's PIL is there to do it.
  /usr/bin/python3 - "$out/$name.png" <<'PY' 2>/dev/null || true
import sys
from PIL import Image, ImageChops
image = Image.open(sys.argv[1]).convert("RGB")
box = ImageChops.difference(image, Image.new("RGB", image.size, image.getpixel((image.width - 1, image.height - 1)))).getbbox()
if box:
    image.crop((0, 0, image.width, min(image.height, box[3] + 40))).save(sys.argv[1])
PY
  echo "[screenshots] $name: $out/$name.png"
done
