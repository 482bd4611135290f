// Validates RDF files against SHACL shapes with rdf-validate-shacl, a SHACL engine independent
// of the RDF libraries diplograph writes with.
//   node validate.mjs SHAPES.ttl DATA.ttl [MORE.ttl ...]
// The data files are read into one graph (an export plus the ontology, so that sh:class sees
// rdfs:subClassOf). Exit 0 when the data conforms, 1 with the violations listed when it does
// not, 2 when a file cannot be read.
import { readFileSync } from 'node:fs';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

function load(paths) {
  const store = new Store();
  for (const path of paths) {
    store.addQuads(new Parser({ format: 'text/turtle', baseIRI: 'file://' + path }).parse(readFileSync(path, 'utf8')));
  }
  return store;
}

const [shapesPath, ...dataPaths] = process.argv.slice(2);
if (!shapesPath || dataPaths.length === 0) {
  console.error('usage: node validate.mjs SHAPES.ttl DATA.ttl [MORE.ttl ...]');
  process.exit(2);
}
let shapes, data;
try {
  shapes = load([shapesPath]);
  data = load(dataPaths);
} catch (e) {
  console.error(`cannot read the RDF: ${e.message}`);
  process.exit(2);
}
const report = await new SHACLValidator(shapes).validate(data);
if (report.conforms) {
  console.log(`conforms: ${data.size} triples checked against ${shapesPath}`);
  process.exit(0);
}
for (const r of report.results) {
  const messages = r.message.map((m) => m.value).join('; ');
  console.log(`${r.focusNode?.value} ${r.path?.value ?? ''}: ${messages} [${r.sourceConstraintComponent?.value}]`);
}
console.log(`${report.results.length} violation(s)`);
process.exit(1);
