"""Python's `jsonschema` on the committed schemas, for tests/consumers/python.test.mjs.

Reads `{"schemas": {key: path}, "cases": [[key, body], ...]}` (JSON) on standard input and writes
`{"verdicts": [true | false, ...], "seconds": {key: total time}}`: whether each body is valid
against its schema, with the validator the schema's `$schema` names (jsonschema's defaults;
formats are not asserted, and the schemas have none).
"""

import json
import sys
import time

from jsonschema.validators import validator_for


def main() -> None:
    job = json.load(sys.stdin)
    validators = {}
    for key, path in job["schemas"].items():
        with open(path, encoding="utf-8") as file:
            schema = json.load(file)
        cls = validator_for(schema)
        cls.check_schema(schema)
        validators[key] = cls(schema)
    verdicts = []
    seconds = {}
    for key, body in job["cases"]:
        started = time.perf_counter()
        verdicts.append(validators[key].is_valid(body))
        seconds[key] = seconds.get(key, 0.0) + time.perf_counter() - started
    json.dump({"verdicts": verdicts, "seconds": seconds}, sys.stdout)


if __name__ == "__main__":
    main()
