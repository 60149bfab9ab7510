// Fills the query-model chooser from GET /models: the served students, the default first and marked as such.

import { apiJson } from './api.js';

/** Loads the models and fills `select` unless `stillWanted()` says otherwise; resolves to the GET /models answer. */
export async function loadQueryModels(select, stillWanted = () => true) {
  const models = await apiJson('/models');
  if (!stillWanted()) {
    return models;
  }
  const chosen = select.value;
  select.replaceChildren();
  for (const student of models.students) {
    const option = document.createElement('option');
    option.value = student.id;
    option.textContent = student.default ? `${student.id} (default)` : student.id;
    option.selected = chosen ? student.id === chosen : student.default;
    select.append(option);
  }
  select.dataset.teacher = models.teacher.id;
  return models;
}
