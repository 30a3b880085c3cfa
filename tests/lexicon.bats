#!/usr/bin/env bats
# The hand-written boilerplate lexicons (common/lexicons/boilerplate-*.txt):
# no entry matches a line the gold labels keep (tests/check-lexicon), and
# entries drop the widget lines they are for, in pages written here.
load helpers

# copy_root: a copy of what tests/check-lexicon reads, in $TMP/root
copy_root() {
	mkdir -p "$TMP/root/common/lexicons" "$TMP/root/tests/fixtures"
	cp "$NU_ROOT"/common/lexicons/boilerplate-*.txt "$TMP/root/common/lexicons/"
	cp -r "$NU_ROOT/tests/gold" "$TMP/root/tests/"
	cp -r "$NU_ROOT/tests/fixtures/seeds" "$NU_ROOT/tests/fixtures/en" \
	    "$TMP/root/tests/fixtures/"
	mkdir -p "$TMP/root/tests/fixtures/heldout"
	for s in dev test test2 dev3; do
		cp -r "$NU_ROOT/tests/fixtures/heldout/$s" "$TMP/root/tests/fixtures/heldout/"
	done
}

# role_of TEXT: the role strip-boilerplate --roles gave the line TEXT of
# $output
role_of() {
	awk -F'\t' -v t="$1" '$2 == t { print $1; exit }' <<<"$output"
}

@test "lexicon: no entry matches a content, title or meta line of the gold pages" {
	run "$NU_ROOT/tests/check-lexicon"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"check-lexicon: "*" entries, "*" labelled lines, 0 matches"* ]]
	# the lists are broad: more than 350 Vietnamese and 550 English entries
	[ "$(grep -vc '^#' "$NU_ROOT/common/lexicons/boilerplate-vi.txt")" -gt 350 ]
	[ "$(grep -vc '^#' "$NU_ROOT/common/lexicons/boilerplate-en.txt")" -gt 550 ]
}

@test "lexicon: check-lexicon reports an entry that matches an article line, and bad entries" {
	copy_root
	run "$NU_ROOT/tests/check-lexicon" "$TMP/root"
	[ "$status" -eq 0 ]
	# a pattern for any line starting "theo " meets a source or byline;
	# one for lines of digits and words meets a dateline or a paragraph
	printf 'other\ttheo *\nother\tthe *\n' >> "$TMP/root/common/lexicons/boilerplate-vi.txt"
	run "$NU_ROOT/tests/check-lexicon" "$TMP/root"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"line matches common/lexicons/boilerplate-vi.txt:"*"(other 'the *')"* ]]
	copy_root
	# the last entry: "tin mới" with the tone mark decomposed (not NFC)
	printf 'sidebar\tfoo\nother\tFoo Bar\nother\tfoo bar\nother\tfoo bar\nother\ttin mo\xcc\x9b\xcc\x81i\n' \
	    >> "$TMP/root/common/lexicons/boilerplate-en.txt"
	run "$NU_ROOT/tests/check-lexicon" "$TMP/root"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"unknown role 'sidebar'"* ]]
	[[ "$output" == *"not lowercase and trimmed: 'Foo Bar'"* ]]
	[[ "$output" == *"duplicate 'foo bar'"* ]]
	[[ "$output" == *"not NFC: 'tin m"* ]]
	[[ "$output" == *", 0 matches"* ]]
}

@test "lexicon: check-lexicon trims bullets, a final colon and a count as strip-boilerplate does" {
	copy_root
	# "Đánh giá bài viết: 5/5 (12 lượt)" is boilerplate in dev3; make a
	# content line of a copy that reads like a header with a count
	f=$TMP/root/tests/fixtures/heldout/dev3/vi19_qdnd.txt
	k=$(jq -r '."vi19_qdnd.txt".content[1]' "$TMP/root/tests/gold/heldout-dev3.json")
	sed -i "${k}s/.*/» Zz Thử Nghiệm Yy: (7)/" "$f"
	printf 'other\tzz thử nghiệm yy\n' >> "$TMP/root/common/lexicons/boilerplate-vi.txt"
	run "$NU_ROOT/tests/check-lexicon" "$TMP/root"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"vi19_qdnd.txt:$k: content line matches"*"'zz thử nghiệm yy'"* ]]
}

@test "lexicon: Vietnamese widget lines after an article are dropped with their roles" {
	cat > "$TMP/p.txt" <<'EOF'
Hợp tác xã ở Mộc Châu xuất khẩu lô mận hậu đầu tiên sang Singapore
Cỡ chữ
Nghe đọc
Sáng 5/6, hợp tác xã nông nghiệp Tân Lập đã xuất khẩu 20 tấn mận hậu sang thị trường Singapore, mở ra hướng tiêu thụ mới cho nông sản vùng cao.

Theo ban quản trị hợp tác xã, toàn bộ diện tích mận được chăm sóc theo quy trình VietGAP và có mã số vùng trồng do cơ quan chuyên môn cấp.

Video đang phát
Tắt quảng cáo
Đánh giá bài viết: 4/5

Tin nóng
Giá cà phê lập đỉnh mới trong tuần
Mưa lớn gây sạt lở trên quốc lộ 6

» Video nổi bật
Toàn cảnh lễ hội hoa ban năm nay

Giấy phép thiết lập trang thông tin điện tử tổng hợp số 99/GP-STTTT
Hotline: 0912 345 678
Số lượt truy cập: 1.234.567
Theo dõi Báo Tỉnh Nhà trên
EOF
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(role_of 'Cỡ chữ')" = other ]
	[ "$(role_of 'Nghe đọc')" = other ]
	[ "$(role_of 'Video đang phát')" = other ]
	[ "$(role_of 'Tắt quảng cáo')" = advert ]
	[ "$(role_of 'Đánh giá bài viết: 4/5')" = other ]
	[ "$(role_of 'Tin nóng')" = related-header ]
	[ "$(role_of 'Mưa lớn gây sạt lở trên quốc lộ 6')" = related-title ]
	[ "$(role_of '» Video nổi bật')" = related-header ]
	[ "$(role_of 'Hotline: 0912 345 678')" = footer ]
	[ "$(role_of 'Số lượt truy cập: 1.234.567')" = other ]
	[ "$(role_of 'Theo dõi Báo Tỉnh Nhà trên')" = share ]
	run strip-boilerplate "$TMP/p.txt"
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[1]}" == "Sáng 5/6,"* ]]
}

@test "lexicon: English widget lines after an article are dropped with their roles" {
	cat > "$TMP/p.txt" <<'EOF'
Riverside town opens its first public library in forty years
Font Size
Video Player is loading.
The new library on Mill Street opened its doors on Saturday morning, with more than three hundred residents queuing before the ribbon was cut by the mayor.

Volunteers spent two years raising the money for the building, which also houses a small museum about the history of the river trade.

Rate this article:
Get our top stories delivered to your inbox every morning
Share to Facebook

Top Headlines
Council approves new bus route to the hospital
High school robotics team heads to nationals

Most Read in the Last 24 Hours
Bridge repairs to close Main Street for a week

list of 3 items
Acquire Licensing Rights
1 2 3 Next »
Accept all cookies
EOF
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(role_of 'Font Size')" = other ]
	[ "$(role_of 'Video Player is loading.')" = other ]
	[ "$(role_of 'Rate this article:')" = other ]
	[ "$(role_of 'Get our top stories delivered to your inbox every morning')" = navigation ]
	[ "$(role_of 'Share to Facebook')" = share ]
	[ "$(role_of 'Top Headlines')" = related-header ]
	[ "$(role_of 'High school robotics team heads to nationals')" = related-title ]
	[ "$(role_of 'Most Read in the Last 24 Hours')" = related-header ]
	[ "$(role_of '1 2 3 Next »')" = navigation ]
	[ "$(role_of 'Accept all cookies')" = other ]
	[ "$(role_of 'list of 3 items')" = other ]
	[ "$(role_of 'Acquire Licensing Rights')" = other ]
	run strip-boilerplate "$TMP/p.txt"
	[ "${#lines[@]}" -eq 3 ]
}

@test "lexicon: sentences that start like a widget label are kept" {
	cat > "$TMP/p.txt" <<'EOF'
Harbour city prepares for the autumn storm season
The harbour authority said on Monday that crews had finished checking sea walls along the eastern shore before the storm season begins.

Share tomorrow's forecast with your neighbours, the authority urged residents living near the seafront.

Back to school: parents in the harbour district face rising costs of uniforms and books this year.

Most viewed clips of last winter's storm show waves breaking over the promenade.

Theo dõi sát diễn biến bão số 3 trên Biển Đông để chủ động phòng tránh.

Tải app giả mạo cơ quan thuế, nhiều người dân bị lừa mất tiền.
EOF
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(grep -c $'^content\t' <<<"$output")" -eq 6 ]
}

@test "lexicon: widget lines of German, French, Spanish and Russian pages are dropped with their roles (boilerplate-intl.txt)" {
	cat > "$TMP/p.txt" <<'EOF2'
Stadtbibliothek öffnet nach zwei Jahren Umbau wieder ihre Türen
Die neue Stadtbibliothek am Marktplatz hat am Samstag wieder geöffnet, und schon vor dem Mittag standen mehr als dreihundert Leserinnen und Leser in der Schlange vor dem Eingang.

Der Umbau hat zwei Jahre gedauert und kostete nach Angaben der Stadt rund vier Millionen Euro, von denen das Land die Hälfte übernommen hat.

Artikel teilen
Mehr zum Thema
Neuer Radweg entlang des Flusses freigegeben
Das könnte Sie auch interessieren:
Schwimmbad schließt im Winter für Reparaturen
Kommentare (4)
Antwort abbrechen
Lesezeit: 3 Minuten
Alle Rechte vorbehalten.
À lire aussi
Partager sur Facebook
Laisser un commentaire
Noticias relacionadas
Lo más leído
Читайте также
Поделиться
Alle akzeptieren
EOF2
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(role_of 'Artikel teilen')" = share ]
	[ "$(role_of 'Mehr zum Thema')" = related-header ]
	[ "$(role_of 'Das könnte Sie auch interessieren:')" = related-header ]
	[ "$(role_of 'Kommentare (4)')" = comment-header ]
	[ "$(role_of 'Lesezeit: 3 Minuten')" = other ]
	[ "$(role_of 'À lire aussi')" = related-header ]
	[ "$(role_of 'Partager sur Facebook')" = share ]
	[ "$(role_of 'Noticias relacionadas')" = related-header ]
	[ "$(role_of 'Читайте также')" = related-header ]
	[ "$(role_of 'Поделиться')" = share ]
	run strip-boilerplate "$TMP/p.txt"
	echo "$output"
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[2]}" == "Der Umbau hat"* ]]
	# the other languages' labels are loaded with --lang=auto only
	run strip-boilerplate --lang=en --roles "$TMP/p.txt"
	[ "$(role_of 'Mehr zum Thema')" != related-header ]
	[ "$(role_of 'Читайте также')" != related-header ]
}

@test "lexicon: German, French and Spanish sentences that start like a widget label are kept" {
	cat > "$TMP/p.txt" <<'EOF2'
Hafenstadt bereitet sich auf die Sturmsaison vor
Die Hafenbehörde teilte am Montag mit, dass die Arbeiter die Deiche am Ostufer vor Beginn der Sturmsaison überprüft haben.

Mehr zum Thema Hochwasser erfahren die Anwohner bei einer Versammlung im Rathaus am kommenden Donnerstag, sagte der Bürgermeister.

Partager les informations sur les digues avec les voisins reste important, a rappelé la préfecture dans un communiqué publié lundi.

Lo más leído por los vecinos en la web municipal fueron los consejos para proteger las casas cercanas al puerto durante la tormenta.
EOF2
	run strip-boilerplate --roles "$TMP/p.txt"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(grep -c $'^content\t' <<<"$output")" -eq 4 ]
}

@test "lexicon: every lexicon file has its row (source, licence) in common/lexicons/SOURCES.md" {
	local f missing=
	for f in "$NU_ROOT"/common/lexicons/*.txt; do
		f=${f##*/}
		grep -q "^| \`$f\` | [^|]*[^ |][^|]* |" "$NU_ROOT/common/lexicons/SOURCES.md" ||
		    missing="$missing $f"
	done
	echo "no row:$missing"
	[ -z "$missing" ]
}
