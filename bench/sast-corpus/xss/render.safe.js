function renderComment(container, comment) {
  const p = document.createElement('p');
  p.textContent = comment.body;
  container.appendChild(p);
}
export default renderComment;
