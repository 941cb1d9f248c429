// The page the form tests drive (bundled by esbuild at test time): react-jsonschema-form with
// its ajv validator, and JSON Forms with its vanilla renderers, each on a schema as it is.
import { createElement, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';

let root;
function mount(element) {
  root?.unmount();
  const container = document.getElementById('app');
  root = createRoot(container);
  flushSync(() => root.render(element));
  return container;
}

/** Renders rjsf's form; `submit()` resolves to `{ submitted, errors, formData }`. */
window.rjsf = (schema, formData) => {
  const form = createRef();
  let outcome;
  const element = createElement(Form, {
    ref: form,
    schema,
    formData,
    validator,
    showErrorList: false,
    noHtml5Validate: true,
    onSubmit: ({ formData: data }) => {
      outcome = { submitted: true, errors: [], formData: data };
    },
    onError: (errors) => {
      outcome = {
        submitted: false,
        errors: errors.map(({ name, property, message, params }) => ({ name, property, message, params })),
        // What the form holds (the body with the defaults it filled in): what it would send.
        formData: form.current.state.formData,
      };
    },
  });
  mount(element);
  return {
    submit() {
      outcome = undefined;
      flushSync(() => form.current.submit());
      return outcome;
    },
  };
};

/** The README's UI schema for JSON Forms: a control per body field and per `config` and
 *  `secrets` field (JSON Forms generates one control for the whole body when it has an `allOf`
 *  of rules, which the vanilla renderers cannot draw). */
export function uiSchemaFor(schema) {
  const controls = (part, base) => Object.keys(part?.properties ?? {}).map((key) => ({ type: 'Control', scope: `${base}/properties/${key}` }));
  return {
    type: 'VerticalLayout',
    elements: [
      ...controls(schema, '#').filter(({ scope }) => !/\/(config|secrets)$/.test(scope)),
      ...controls(schema.properties.config, '#/properties/config'),
      ...controls(schema.properties.secrets, '#/properties/secrets'),
    ],
  };
}

/** Renders JSON Forms (vanilla renderers, the README's UI schema) and says what it drew. */
window.jsonforms = (schema, data) => {
  let errors;
  const container = mount(
    createElement(JsonForms, {
      schema,
      uischema: uiSchemaFor(schema),
      data,
      renderers: vanillaRenderers,
      cells: vanillaCells,
      onChange: ({ errors: found }) => {
        errors = found;
      },
    }),
  );
  return {
    inputs: container.querySelectorAll('input, select, textarea').length,
    text: container.textContent,
    errors: errors?.map((e) => `${e.instancePath} ${e.message}`) ?? null,
  };
};
