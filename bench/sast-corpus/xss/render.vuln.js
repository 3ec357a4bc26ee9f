function renderComment(container, comment) {
  container.innerHTML = `<p class="c">${comment.body}</p>`;
}
export default renderComment;
