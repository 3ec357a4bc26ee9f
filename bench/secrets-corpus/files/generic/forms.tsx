export function Login() {
  const [password, setPassword] = useState("");
  return <input type="password" name="password" placeholder="Password" value={password} />;
}
