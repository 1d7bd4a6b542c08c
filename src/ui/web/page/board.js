// The workshop board page: shows what the server sends on /events. Every word and every row comes
// from the server (already sorted, in the room's language); this only puts text into the table,
// always as text (textContent), never as HTML, since learner names come from users.

const $ = (id) => document.getElementById(id);

function cell(tag, text, className, title) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  if (title) el.title = title;
  return el;
}

function renderHeads(board) {
  const heads = $('heads');
  const cells = [cell('th', board.heads.learner, 'learner'), cell('th', board.heads.state, 'state')];
  for (const step of board.steps) {
    const th = cell('th', '', 'step', step.title);
    th.append(cell('span', String(step.n), 'n'), cell('span', step.id, 'id'));
    cells.push(th);
  }
  cells.push(
    cell('th', board.heads.step),
    cell('th', board.heads.time, 'time'),
    cell('th', board.heads.code),
  );
  for (const th of cells) th.scope = 'col';
  heads.replaceChildren(...cells);
}

function renderRow(row) {
  const tr = document.createElement('tr');
  tr.className = row.state;
  tr.append(
    cell('td', row.learner, 'learner', row.learner),
    cell('td', `${row.mark} ${row.stateWord}`, 'state'),
  );
  for (const c of row.cells) {
    const td = cell('td', c.icon, `cell ${c.state}${c.current ? ' current' : ''}`, c.word);
    td.setAttribute('aria-label', c.word);
    tr.append(td);
  }
  tr.append(
    cell('td', row.step, 'step', row.stepTitle),
    cell('td', row.time, 'time'),
    cell('td', row.code, 'code'),
  );
  return tr;
}

function render(board) {
  document.title = board.pageTitle;
  $('title').textContent = board.title;
  $('room').textContent = board.room;
  $('summary').textContent = board.summary;
  const status = $('status');
  status.hidden = !board.failure;
  status.textContent = board.failure || '';
  renderHeads(board);
  $('rows').replaceChildren(...board.rows.map(renderRow));
  $('empty').hidden = !board.empty;
  $('empty').textContent = board.empty || '';
}

function connect() {
  const source = new EventSource('events');
  source.addEventListener('board', (event) => render(JSON.parse(event.data)));
  source.addEventListener('open', () => {
    $('status').hidden = true;
  });
  source.addEventListener('error', () => {
    // EventSource connects again by itself; say so meanwhile.
    const status = $('status');
    status.textContent = document.body.dataset.lost;
    status.hidden = false;
  });
}

connect();
