// The page: loads the wasm module, validates the body as the user types.
import init, { validate, version } from '/pkg/kibana_connectors.js';

const EXAMPLE = {
  name: 'my-connector',
  connector_type_id: '.index',
  config: { index: 'test-index' },
};

const $ = (id) => document.getElementById(id);

function render(report) {
  const verdict = $('verdict');
  verdict.dataset.state = report.valid ? 'valid' : 'invalid';
  verdict.textContent = report.valid ? 'Valid: Kibana would accept this body.' : `${report.errors.length} problem(s)`;
  const list = $('errors');
  list.replaceChildren(
    ...report.errors.map((issue) => {
      const item = document.createElement('li');
      item.textContent = `${issue.path || '(body)'} — ${issue.message} [${issue.code}]`;
      return item;
    }),
  );
  $('kibana').textContent = report.kibanaError
    ? `${report.kibanaError.statusCode} ${report.kibanaError.message}`
    : '200 OK';
}

await init();
$('version').textContent = version();
const input = $('body');
input.value = JSON.stringify(EXAMPLE, null, 2);
const check = () => render(validate(input.value));
input.addEventListener('input', check);
check();
