export function App() {
  return (
    <main>
      <h1>Emporium</h1>
    </main>
  );
}
