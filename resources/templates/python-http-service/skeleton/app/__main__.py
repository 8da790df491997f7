"""Runs ${{ values.name }}: python3 -m app"""

import os

from app.server import serve

if __name__ == "__main__":
    serve(int(os.environ.get("PORT", "${{ values.port }}")))
