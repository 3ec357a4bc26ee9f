func TestHash(t *testing.T) {
	want := "153f88065591e71c715a37abbc55cab0fe4d6871c9e37f295862b346fe964845"
	if got := hashHex([]byte("abc")); got != want {
		t.Fatal(got)
	}
}
