"""${{ values.name }}: ${{ values.description | replace("\n", " ") | replace('"""', "'''") }}"""
