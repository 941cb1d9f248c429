// A wrong body: tsc must refuse this file.
import { validate } from 'kibana-connectors';

validate({ name: 'n', connector_type_id: '.index', config: { index: 1 } });
