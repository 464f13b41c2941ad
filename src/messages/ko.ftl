# l10n 자체 메시지의 한국어 번역. 메시지 id와 변수는 en.ftl과 같아야 합니다
# (tests/messages.rs가 검사합니다). 한국어에는 복수형이 없으므로 개수는
# 그대로 씁니다.

## 오류: 무엇이 잘못되었는지, 그리고 "도움말:"에 할 일.

error-label = 오류
help-label = 도움말

error-read = { $path }을(를) 읽을 수 없습니다: { $reason }
error-write = { $path }에 쓸 수 없습니다: { $reason }
error-invalid-utf8 = { $path }은(는) 올바른 UTF-8이 아닙니다 (바이트 오프셋 { $offset })
help-invalid-utf8 = 파일을 UTF-8로 저장하세요 (대부분의 편집기에서 "인코딩하여 저장"으로 할 수 있습니다)
error-nul-byte = { $path }에 NUL 바이트가 있습니다 (바이트 오프셋 { $offset }): 텍스트 파일이 아닙니다
help-nul-byte = 글과 카탈로그는 UTF-8 텍스트입니다. 그 바이트나 파일을 지우세요
error-bad-language = `{ $tag }`은(는) 올바른 언어 태그가 아닙니다
help-bad-language = `ko`, `ja`, `pt-BR`, `zh-Hant` 같은 BCP 47 태그를 쓰세요
error-no-articles = { $path }에 글 폴더가 없습니다
help-no-articles = 폴더를 만들고 .md 또는 .txt 글을 넣거나, l10n.toml에 `articles`를 지정하세요
error-conflict = l10n이 작업하는 동안 { $path }이(가) 디스크에서 바뀌었습니다. 아무것도 쓰지 않았습니다
help-conflict = l10n이 읽은 뒤 누군가(편집기?) 저장하거나 옮기거나 지웠습니다. 그 변경을 반영하려면 명령을 다시 실행하세요
error-locked = 이 작업 공간에서 다른 l10n 실행이 작업 중입니다 (잠금: { $path })
help-locked = 끝날 때까지 기다리거나, --no-wait 없이 실행해 기다리게 하세요
error-read-only = { $path }은(는) 읽기 전용입니다
help-read-only = l10n이 고쳐도 된다면 쓰기 가능하게 바꾼 뒤(chmod u+w) 다시 실행하세요

## 해석할 수 없거나 모양이 틀린 카탈로그.

error-invalid-toml = 잘못된 TOML: { $reason }
help-invalid-toml = 문법을 고치세요. 문자열은 "이렇게" 쓰고, 안에 든 따옴표는 \"로 씁니다
error-unknown-table = 카탈로그에 알 수 없는 테이블 `{ $key }`이(가) 있습니다
help-unknown-table = 카탈로그에는 [catalog], [[segment]], [[obsolete]] 테이블만 있습니다. 메모는 주석(# ...)으로 옮기세요
error-no-catalog-table = 이 카탈로그에는 [catalog] 테이블이 없습니다
help-no-catalog-table = article, source-lang, lang을 담은 [catalog]를 추가하거나, 파일을 지우고 `l10n extract`를 실행하세요
error-catalog-keys = [catalog]에는 article, source-lang, lang이 있어야 합니다
help-catalog-keys = 빠진 키를 추가하거나, 파일을 지우고 `l10n extract`를 실행하세요
error-section-not-list = `{ $section }`은(는) [[{ $section }]] 테이블의 목록이어야 합니다
help-section-not-list = 항목마다 자기 [[{ $section }]] 줄 아래에 쓰세요
error-duplicate-id = 중복된 id `{ $id }` (처음 쓰인 줄: { $first })
help-duplicate-id = 카탈로그 안에서 id는 하나뿐이어야 합니다. 중복 항목을 지우거나, 고친 뒤 `l10n extract`를 실행하세요
error-not-a-string = `{ $key }` 값은 문자열이어야 합니다 (지금은 { $kind ->
        [number] 숫자
        [bool] 참/거짓 값
        [list] 목록
        [date] 날짜
       *[table] 테이블
    })
help-not-a-string = 따옴표로 감싸세요: { $key } = "..."
error-table-in-entry = `{ $key }`은(는) 카탈로그 항목 안의 테이블입니다
help-table-in-entry = 추가 키에는 일반 값이나 인라인 값을 주세요: key = "value"
error-empty-id = 항목의 id가 비어 있습니다
help-empty-id = id를 되살리세요. `git diff`나 템플릿 카탈로그에서 볼 수 있습니다
error-entry-key-missing = 이 [[{ $section }]] 항목에 `{ $key }`이(가) 없습니다
help-entry-key-missing = 모든 항목에는 id와 source가 있어야 합니다. `git diff`나 템플릿 카탈로그에서 되살리세요
error-catalog-mismatch = 이 카탈로그에는 { $key } = "{ $found }"라고 되어 있지만, 경로는 { $key } "{ $expected }"의 것입니다
help-catalog-mismatch = 파일을 제자리로 옮기거나 [catalog] 테이블을 고치세요

## 작업 공간과 설정.

error-invalid-config = 잘못된 설정: { $reason }
help-invalid-config = l10n.toml에 쓸 수 있는 키는 `l10n init --help`를 보세요
error-config-percent = min-translated가 { $value }입니다. 백분율이 아닙니다
help-config-percent = 0에서 100 사이의 수를 주세요
error-fallback-self = { $lang }의 대체 언어 목록에 { $lang } 자신이 있습니다
help-fallback-self = { $lang }이(가) 대신 쓸 언어를 순서대로 적으세요. 원문 언어는 적지 않아도 늘 마지막입니다
error-fallback-source = { $lang }의 대체 언어 목록에 원문 언어 { $source }이(가) 있습니다
help-fallback-source = 빼세요. 모든 목록은 원문 언어로 끝납니다
error-fallback-twice = { $lang }의 대체 언어 목록이 두 개입니다
help-fallback-twice = 태그는 정규형으로 비교합니다(`pt-br`은 `pt-BR`). 목록을 하나만 남기세요
error-fallback-cycle = 대체 언어 목록이 돌고 돕니다: { $cycle }
help-fallback-cycle = 한 언어가 다른 목록을 거쳐 자기 자신으로 돌아올 수 없습니다. 연결 하나를 지우세요
error-no-break-pattern = 잘못된 no-break 패턴: { $reason }
help-no-break-pattern = 경계는 `|`로 표시합니다. `#`은 숫자, `*`는 단어입니다. 예: "Art.| #"
error-link-outside = { $link }은(는) 작업 공간 밖의 { $target }을(를) 가리킵니다
help-link-outside = l10n은 작업 공간 안에서만 읽고 씁니다. 파일을 안으로 복사하거나 링크를 지우세요
error-folder-not-language = 폴더 { $folder }의 이름이 언어가 아닙니다
help-folder-not-language = 카탈로그 폴더 이름은 BCP 47 태그(`ko`, `pt-BR`)로 하거나, l10n.toml에 대상 언어를 적으세요
error-folder-not-canonical = 폴더 { $folder }의 이름이 정규형이 아닙니다
help-folder-not-canonical = `{ $lang }`(으)로 이름을 바꾸세요
error-duplicate-article = 두 글의 id가 `{ $id }`(으)로 같습니다: { $first }, { $second }
help-duplicate-article = 둘 중 하나의 이름을 바꾸세요. 글의 id는 확장자를 뺀 경로입니다
error-no-such-article = { $dir }에 글 `{ $name }`이(가) 없습니다
help-no-such-article = 글은 id(글 폴더 아래 경로, 확장자 제외)나 파일 경로로 지정하세요
error-config-exists = { $path }이(가) 이미 있습니다
help-config-exists = 그 파일을 고치거나, 지우고 다시 시작하세요
error-source-language = { $lang }은(는) 원문 언어입니다
help-source-language = 대상 언어를 지정하세요. 원문 언어의 카탈로그는 템플릿입니다
error-no-target-languages = 이 작업 공간에는 대상 언어가 없습니다
help-no-target-languages = --lang LANG을 주거나, l10n.toml에 `languages`를 적거나, locales/<lang>/ 폴더를 만드세요
error-not-a-report = l10n status 보고서가 아닙니다: { $reason }
help-not-a-report = `l10n status --format json --partition K/N`의 출력을 병합하세요
error-merge-nothing = 병합할 보고서가 없습니다
error-merge-source-langs = { $path }와 { $other }의 원문 언어가 다릅니다 ({ $second }, { $first })
help-merge = 같은 작업 공간의 보고서를 병합하세요
error-not-a-number = `{ $value }`은(는) 수가 아닙니다
error-not-a-percentage = { $value }은(는) 0에서 100 사이의 백분율이 아닙니다
error-partition = `{ $value }`은(는) 1 ≤ K ≤ N인 K/N 형식이 아닙니다 (예: 2/4)

## 경고와 알림 (표준 오류).

warning-unknown-key = 경고: { $location }: 알 수 없는 키 `{ $key }` (그대로 둡니다)
warning-orphan = 경고: { $path }에 해당하는 글 `{ $article }`이(가) 없습니다. 그대로 둡니다 (`--prune`으로 지울 수 있습니다)
note-no-target-languages = 참고: 아직 대상 언어가 없어 템플릿만 썼습니다 (l10n.toml에 `languages`를 추가하거나 --lang LANG을 주세요)

## init, extract, build, export

init-done = l10n.toml을 썼습니다. articles/에 글(.md, .txt)을 넣은 뒤 `l10n extract`를 실행하세요
extract-waiting = 다른 l10n 실행이 끝나기를 기다리는 중 (잠금: { $lock })
wrote-file = { $path } 씀
extract-removed = { $path } 지움 (글이 없어짐)
extract-added = 추가 { $count }
extract-changed = 변경 { $count }
extract-moved = 이동 { $count }
extract-obsoleted = 폐기 { $count }
extract-up-to-date = 카탈로그를 최신 상태로 맞춤
extract-summary = extract: 글 { $articles }개, 카탈로그 { $catalogs }개 씀
build-fallback = 대체 언어 { $lang }에서 세그먼트 { $count }개를 가져옴
build-skipped = { $article } 건너뜀: { $percent }% 번역됨, 최소 기준 { $min }%에 못 미침

## status

status-column-article = 글
status-column-segments = 세그먼트
status-column-translated = 번역됨
status-column-covered = 대체됨
status-column-missing = 누락
status-column-outdated = 오래됨
status-column-obsolete = 폐기됨
status-column-words-missing = 누락 단어
status-total = { $lang }: 세그먼트 { $segments }개 중 { $translated }개 번역됨 ({ $percent }%), { $fallback ->
        [none] {""}
       *[other] 대체 언어({ $fallback })로 채움 { $covered },{" "}
    }누락 { $missing }, 오래됨 { $outdated }, 폐기됨 { $obsolete }; 단어 { $words }개 중 { $words_missing }개 누락
status-orphan = 고아 카탈로그: { $path } (글이 없어졌습니다. 글 이름을 바꿨다면 카탈로그도 옮기고, 아니면 `l10n extract --prune`으로 지우세요)

## check

check-missing = 누락
check-outdated = 오래됨
check-covered = { $lang }(으)로 대체됨
check-qa-error = QA 오류
check-qa-warning = QA 경고
check-ok = 통과
check-failed = 실패
check-total = { $lang }: { $outcome }: 세그먼트 { $segments }개 중 { $translated }개 번역됨 ({ $percent }%{ $min ->
        [none] {""}
       *[other] , 최소 { $min }%
    }), { $fallback ->
        [none] {""}
       *[other] 대체 언어({ $fallback })로 채움 { $covered },{" "}
    }누락 { $missing }, 오래됨 { $outdated }

## 품질 검사 (check --qa). JSON에서는 결과가 늘 영어입니다.

qa-as-written = { $text }
qa-number-missing = 번역에 { $kind ->
        [time] 시각
       *[number] 숫자
    } { $number }이(가) 없습니다
qa-url-missing = 번역에 URL { $url }이(가) 없습니다 (그대로 두어야 합니다)
qa-email-missing = 번역에 이메일 주소 { $address }이(가) 없습니다 (그대로 두어야 합니다)
qa-link-changed = 링크 대상이 { $from }에서 { $to }(으)로 바뀌었습니다
qa-link-missing = 번역에 링크 대상 { $target }이(가) 없습니다
qa-link-count = 링크 대상 { $target }이(가) 원문에는 { $in_source }번, 번역에는 { $in_translation }번 나옵니다
qa-link-extra = 링크 대상 { $target }은(는) 원문에 없습니다
qa-markup-spans = { $kind ->
        [italic] 기울임
        [bold] 굵게
        [strikethrough] 취소선
       *[code] 코드
    } 구간: 원문 { $in_source }개, 번역 { $in_translation }개
qa-markup-unmatched = { $kind ->
        [italic] 기울임
        [bold] 굵게
        [strikethrough] 취소선
       *[code] 코드
    } 구간: 원문 { $in_source }개, 번역 { $in_translation }개 (번역에서 짝이 없는 { $runs })
qa-markup-unmatched-by-punctuation = { $kind ->
        [italic] 기울임
        [bold] 굵게
        [strikethrough] 취소선
       *[code] 코드
    } 구간: 원문 { $in_source }개, 번역 { $in_translation }개 (번역에서 짝이 없는 { $runs }; CommonMark는 **“…”**을처럼 문장 부호와 글자 사이에서는 강조를 열거나 닫지 않습니다. 표시나 문장 부호를 옮기세요)
qa-markup-unmatched-underscore = { $kind ->
        [italic] 기울임
        [bold] 굵게
        [strikethrough] 취소선
       *[code] 코드
    } 구간: 원문 { $in_source }개, 번역 { $in_translation }개 (번역에서 짝이 없는 { $runs }; `_`는 단어 안에서 닫을 수 없습니다. `*`를 쓰세요)
qa-unmatched-run = 번역에 짝이 없는 `{ $run }`이(가) 있습니다
qa-placeholder-missing = 번역에 자리표시자 { $placeholder }이(가) 없습니다
qa-placeholder-extra = 자리표시자 { $placeholder }은(는) 원문에 없습니다
qa-placeholder-count = 자리표시자 { $placeholder }이(가) 원문에는 { $in_source }번, 번역에는 { $in_translation }번 나옵니다
qa-printf-order = printf 자리표시자의 순서가 다릅니다 (원문 { $in_source }, 번역 { $in_translation }). 순서를 바꾸려면 번호를 붙이세요 (%1$s)
qa-untranslated = 번역이 원문과 같습니다 (번역하지 않았나요?)
qa-leading-whitespace = 앞쪽 공백이 다릅니다: 원문 { $in_source ->
        [none] 없음
       *[other] { $in_source }
    }, 번역 { $in_translation ->
        [none] 없음
       *[other] { $in_translation }
    }
qa-trailing-whitespace = 뒤쪽 공백이 다릅니다: 원문 { $in_source ->
        [none] 없음
       *[other] { $in_source }
    }, 번역 { $in_translation ->
        [none] 없음
       *[other] { $in_translation }
    }
qa-doubled-space = 번역에서 "{ $after }" 뒤에 공백이 두 칸입니다
qa-unbalanced-quotes = 번역의 따옴표 짝이 맞지 않습니다: 짝이 없는 { $marks }
qa-unbalanced-brackets = 번역의 괄호 짝이 맞지 않습니다: 짝이 없는 { $marks }
qa-length = 번역의 길이가 원문의 { $ratio }배입니다 (번역 { $in_translation }자, 원문 { $in_source }자). { $source_lang }→{ $target_lang }은(는) 보통 { $low }–{ $high }배입니다

## 명령줄 도움말 ("Usage:" 같은 clap 자체의 낱말은 영어로 남습니다).

cli-about = Markdown 글의 번역을 원문과 맞춰 둡니다
cli-long-about =
    Markdown 글의 번역을 원문과 맞춰 둡니다.

    l10n은 글마다 문장(세그먼트)으로 나누어, 번역가가 직접 고치는 TOML 카탈로그에 글과 언어별로 하나씩 담아 둡니다. 글이 바뀔 때마다 어떤 세그먼트가 누락되었거나 오래되었는지, 원문이 어떻게 바뀌었는지 단어 단위 차이와 함께 알려 줍니다.
cli-after-help =
    작업 공간은 위쪽으로 가장 가까운, l10n.toml이 있는 폴더입니다. 없으면 현재
    폴더이며, 글은 articles/에, 카탈로그는 locales/에 있습니다.

    보통의 작업 순서:
      l10n extract                  글을 세그먼트로 나누고 모든 카탈로그를 갱신
      $EDITOR locales/ko/<article>.toml   `translation = ""`을 채움
      l10n status --lang ko --diff  무엇이 누락되었고 오래된 원문이 어떻게 바뀌었는지
      l10n check                    CI에서: 누락되거나 오래된 세그먼트가 있으면 종료 코드 1

    종료 코드: 0 성공, 1 검사 실패, 2 잘못된 사용법이나 입력.
cli-dir = DIR에서 시작한 것처럼 실행
cli-color = 출력에 색을 쓸 때 (`auto`는 NO_COLOR를 따름)
cli-ui-lang = l10n 메시지의 언어 (기본값: L10N_LANG, LC_ALL, LANG 순, 없으면 영어). JSON 출력은 어느 언어에서나 같음
cli-init-about = 새 작업 공간에 주석이 달린 l10n.toml을 씀
cli-init-source-lang = 글이 쓰인 언어
cli-init-languages = 대상 언어 (여러 개면 반복)
cli-extract-about = 모든 글을 세그먼트로 나누고 템플릿과 대상 카탈로그를 갱신
cli-extract-long-about =
    모든 글을 세그먼트로 나누고 템플릿과 대상 카탈로그를 갱신합니다.

    세그먼트는 편집을 거쳐도 id를 유지합니다. 고친 문장은 id와 번역을 유지하고, 번역할 때의 `previous-source`와 함께 오래됨으로 표시됩니다. 옮긴 문장은 둘 다 유지하고, 지운 문장은 번역과 함께 [[obsolete]]로 옮겨집니다. extract를 두 번 실행해도 아무것도 바뀌지 않습니다.
cli-extract-languages = 이 언어의 카탈로그만 갱신 (반복 가능, 기본값: 전부)
cli-extract-prune = 폐기된 항목을 번역과 함께 지우고, 글이 없어진 카탈로그도 지움
cli-extract-no-wait = 다른 실행이 작업 공간 잠금을 쥐고 있으면 기다리지 않고 바로 실패
cli-extract-partition = 글의 일부만 처리: 글 id의 안정된 해시로 N개 중 K번째 (CI를 여러 기계로 나눌 때; `status --merge` 참고)
cli-status-about = 번역됨, 누락, 오래됨, 폐기된 세그먼트를 보고
cli-status-long-about =
    번역됨, 누락, 오래됨, 폐기된 세그먼트를 보고합니다.

    보고서는 지금 상태의 글에서 바로 계산하므로, 마지막 편집 뒤에 `l10n extract`를 실행하지 않았어도 정확합니다.

    누락된 세그먼트를 대체 언어 목록의 언어가 번역해 두었다면(기본값은 pt-BR → pt 식, l10n.toml의 `fallback`으로 바꿈) 누락과 따로 '대체됨'으로 셉니다.
cli-status-languages = 이 언어를 보고 (반복 가능, 기본값: 모든 대상 언어)
cli-status-format = 사람에게는 `text`, 스크립트에는 `json` (어느 UI 언어에서나 같음). CI 형식(github, junit, sarif)은 `check`에서 씁니다
cli-status-diff = 누락된 세그먼트마다 원문을 보여 주고, 오래된 세그먼트마다 원문이 어떻게 바뀌었는지 단어 단위로 보여 줌
cli-status-partition = 글의 일부만 처리: 글 id의 안정된 해시로 N개 중 K번째 (CI를 여러 기계로 나눌 때; `status --merge` 참고)
cli-status-no-cache = .l10n/cache의 결과 캐시를 쓰지도 갱신하지도 않음
cli-status-merge = 작업 공간을 읽지 않고, 나누어 실행한 JSON 보고서들을 하나로 합침
cli-status-articles = 이 글만 (id나 파일 경로, 기본값: 전부)
cli-check-about = 누락되거나 오래된 세그먼트가 있으면 종료 코드 1 (CI용)
cli-check-long-about =
    누락되거나 오래된 세그먼트가 있으면 종료 코드 1로 끝납니다 (CI용).

    각각을 `catalog:line: state: id: first words` 형식으로 보여 주므로 CI 시스템과 편집기가 파일로 연결합니다. --min-translated를 주면 번역된 세그먼트의 비율이 기준보다 낮은 언어만 실패합니다.

    대체 언어로 채워지는 세그먼트는 참고로만 보여 주며 검사를 실패시키지 않습니다. --min-translated에서 번역된 것으로 세지도 않습니다.

    정책은 l10n.toml의 [check] 표에 둡니다: 모든 언어 또는 언어별 min-translated와 max-outdated, glob에 맞는 글에 대한 규칙, 실패로 칠 품질 심각도(fail-on). 판정은 언어가 어긴 규칙을 하나하나 밝힙니다. --min-translated와 --strict가 파일보다 우선합니다.
cli-check-languages = 이 언어를 검사 (반복 가능, 기본값: 모든 대상 언어)
cli-check-no-cache = .l10n/cache의 결과 캐시를 쓰지도 갱신하지도 않음
cli-check-qa = 모든 번역에 품질 검사도 실행 (l10n.toml의 [qa]에 `enabled = true`면 항상 실행)
cli-check-format = 사람에게는 `text`, 스크립트에는 `json`, CI 시스템에는 `github`, `junit`, `sarif` (json, junit, sarif는 어느 UI 언어에서나 같음)
cli-check-min-translated = 세그먼트의 PCT % 이상이 번역된 언어는 통과 (모든 언어에, l10n.toml의 모든 min-translated보다 우선)
cli-check-partition = 글의 일부만 처리: 글 id의 안정된 해시로 N개 중 K번째 (CI를 여러 기계로 나눌 때; `status --merge` 참고)
cli-check-articles = 이 글만 (id나 파일 경로, 기본값: 전부)
cli-build-about = 한 언어의 번역된 글을 씀
cli-build-long-about =
    한 언어의 번역된 글을 씁니다.

    글마다 원문의 Markdown 구조를 그대로 두고, 번역된 세그먼트는 원문 자리에 넣습니다. 번역이 누락된(또는 --mark-outdated가 없으면 오래된) 곳에는 대체 언어 목록에서 현재 번역이 있는 첫 언어의 번역을 쓰고(기본값은 pt-BR → pt 식, l10n.toml의 `fallback`으로 바꿈), 없으면 원문을 씁니다. --min-translated에 못 미치는 글은 쓰지 않으며, 이때 종료 코드는 1입니다.

    끝으로 원문 언어로 남은 세그먼트가 몇 개인지 알려 줍니다. 누락되었거나 (--mark-outdated가 없을 때) 오래되었고, 대체 언어의 번역도 없는 세그먼트입니다. --strict를 주면 그런 세그먼트가 하나라도 있는 글은 쓰지 않고(예전 빌드가 쓴 파일은 그대로 남음) 나머지 글만 쓰며, 쓰지 않은 글을 하나하나 밝히고 종료 코드 1로 끝납니다.

    일본어와 중국어(ja, zh, yue)는 원문 문장 사이의 공백 없이 문장을 잇습니다. 원문 언어로 남은 문장은 앞뒤 공백을 그대로 둡니다.

    원문 언어를 빌드하면 모든 글을 바이트 하나 다르지 않게 그대로 씁니다.
cli-build-lang = 빌드할 언어
cli-build-out = 쓸 곳: DIR/<lang>/<article>.md (기본값: build)
cli-build-min-translated = 세그먼트의 PCT %보다 적게 번역된 글은 쓰지 않음
cli-build-mark-outdated = 오래된 번역도 `<!-- l10n:outdated -->` … `<!-- /l10n:outdated -->`로 감싸서 게시
cli-build-articles = 이 글만 (id나 파일 경로, 기본값: 전부)
cli-export-about = 다른 도구를 위해 한 언어의 번역을 내보냄 (Fluent, PO, XLIFF, TMX)
cli-export-long-about =
    다른 도구를 위해 한 언어의 번역을 내보냅니다.

    --format ftl은 글마다 Fluent 리소스 하나(DIR/<lang>/<article>.ftl)를 쓰며, 번역된 세그먼트마다 `s-<segment id>` 메시지가 있어 웹 프런트엔드가 Fluent 자체의 대체 언어 기능으로 번역을 보여 줄 수 있습니다.

    --format po는 글마다 gettext 카탈로그 하나(DIR/<lang>/<article>.po)를 Poedit, Weblate 같은 gettext 도구를 위해 씁니다. msgctxt는 세그먼트 id, msgid는 원문, msgstr는 번역이며, 오래된 번역은 fuzzy로 표시되고 이전 원문이 `#| msgid`로 붙으며, 폐기된 항목은 `#~` 줄로 씁니다.

    --format xliff(XLIFF 1.2)와 xliff2(XLIFF 2.0)는 CAT 도구를 위해 DIR/<lang>/<article>.xlf를 씁니다. 세그먼트마다 유닛 하나(2.0: 문단마다 유닛, 문장마다 세그먼트), 상태(새 항목, 번역됨, 또는 이전 원문이 붙은 오래된 번역), 그리고 CAT 도구가 그대로 지키는 인라인 코드로 바꾼 인라인 Markdown(코드, 링크, 강조)을 담습니다.

    --format tmx는 DIR/<lang>/<article>.tmx에 최신 번역(과 표시를 단 폐기된 번역)의 번역 메모리를 써서 CAT 도구의 메모리를 채웁니다.

    `l10n import`는 PO, XLIFF, TMX 파일을 다시 읽어 들입니다.
cli-export-lang = 내보낼 언어
cli-export-out = 쓸 곳: DIR/<lang>/<article>.<ext> (기본값: export)
cli-segment-about = 텍스트의 세그먼트를 한 줄에 JSON 객체 하나씩 출력
cli-segment-long-about =
    텍스트의 세그먼트를 한 줄에 JSON 객체 하나씩 출력합니다: {"{"}"block": 0, "text": "..."{"}"}.

    l10n이 텍스트를 어떻게 나누는지 보여 주어 세그먼트 분할을 확인하거나 디버그할 수 있습니다. --explain은 그 이유를 보여 줍니다. 사용자 정의 약어는 l10n.toml의 [segmenter]에 넣습니다.
cli-segment-lang = 이 언어의 규칙으로 나눔 (기본값: 원문 언어)
cli-segment-plain = 입력을 Markdown이 아닌 일반 텍스트로 읽음 (.txt 파일의 기본값)
cli-segment-explain = 대신 모든 후보 경계를, 채택 여부와 결정한 규칙, 양쪽 텍스트와 함께 출력
cli-segment-file = 나눌 파일. `-`이거나 없으면 표준 입력을 읽음
cli-value-format-text = 사람용: 표, 그리고 편집기와 CI가 연결하는 `path:line:` 줄
cli-value-format-json = JSON 문서 하나, UI 언어와 상관없이 같음
cli-value-export-ftl = Fluent 리소스 (.ftl)
cli-value-export-po = gettext 카탈로그 (.po), Poedit, Weblate 등 번역 도구용
error-merge-bad-counts = { $path }: { $article } ({ $lang })의 개수가 맞지 않습니다
error-merge-bad-totals = { $path }: { $lang }의 합계가 글들의 합과 다릅니다
error-merge-overflow = 병합한 { $lang }의 개수가 너무 커서 사실일 수 없습니다
error-merge-misplaced = { $path }: { $article }은(는) 부분 { $partition }에 속하지 않습니다
error-merge-article-twice = { $article }이(가) { $other }와 { $path }에 모두 있습니다
error-merge-not-partition = { $path }은(는) 부분 실행의 보고서가 아닙니다 (`status --format json --partition K/N`)
error-merge-other-run = { $path }와 { $other }는 같은 실행의 부분이 아닙니다 (부분의 수나 언어가 다름)
error-merge-partition-twice = { $path }와 { $other }가 모두 부분 { $partition }입니다
error-merge-partition-missing = 부분 { $count }개가 빠졌습니다: { $partitions }
extract-renamed = { $path }: 항목 `{ $old }`을(를) 원문으로 세그먼트에 맞추어 id를 `{ $new }`(으)로 바꿈
error-not-regular = { $path }은(는) 일반 파일이 아닙니다
help-not-regular = 글, 카탈로그, l10n.toml은 일반 파일이어야 합니다(폴더, 이름 있는 파이프, 소켓, 장치는 안 됨). 지우거나 이름을 바꾸세요
error-bad-file-name = { $path }: 이름에 제어 문자가 있거나 올바른 UTF-8이 아닙니다
help-bad-file-name = 이름을 바꾸세요. 글과 카탈로그, 그 폴더의 이름은 카탈로그와 보고서에서 id가 됩니다
error-folder-outside = { $path }은(는) 작업 공간 { $root } 밖에 있습니다
error-output-over-sources = 출력 { $out }이(가) { $sources }와(과) 같거나, 그것을 포함하거나, 그 안에 있습니다
help-output-over-sources = 다른 --out을 고르세요. 출력은 글이나 카탈로그를 덮어쓰지 않습니다
error-no-such-folder = { $path } 폴더가 없습니다
help-no-such-folder = -C/--dir에 준 경로를 확인하세요
error-conflict-while-writing = l10n이 새 버전을 제자리에 넣는 동안 { $path }이(가) 디스크에서 바뀌었습니다. 바뀐 파일을 되돌려 놓고 멈췄습니다
error-conflict-kept = l10n이 새 버전을 제자리에 넣는 동안 { $path }이(가) 디스크에서 두 번 바뀌었습니다. 첫 번째 저장본을 되돌려 놓았고, 두 번째 저장본은 { $kept }에 보관했습니다
help-conflict-while-writing = l10n은 이미 바꾼 파일을 모두 원래대로 되돌렸습니다. 보관된 사본이 있으면 직접 비교해 합친 뒤, 명령을 다시 실행해 수정 내용을 반영하세요
error-interrupted = { $signal } 신호로 멈췄습니다. 모든 파일은 이전 그대로이거나 완전히 쓰였고, 임시 파일은 남지 않았습니다
error-article-ids-fold = 글 { $first }와(과) { $second }의 id(`{ $first_id }`, `{ $second_id }`)가 대소문자나 유니코드 정규화만 다릅니다. macOS와 Windows에서는 두 글의 카탈로그가 한 파일이 됩니다
help-article-ids-fold = 이름이 대소문자나 악센트 부호의 인코딩 이상으로 다르도록 둘 중 하나의 이름을 바꾸세요
error-immutable = { $path }은(는) 변경 불가 또는 추가 전용이라 l10n이 그곳의 파일을 바꾸거나 지울 수 없습니다. 아무것도 쓰지 않았습니다
help-immutable = 누군가 일부러 보호한 것입니다(chattr +i 또는 +a). 바뀌어야 한다면 속성을 없애거나(chattr -i -a) 이번 실행에서 빼세요
error-bad-exchange-file = 올바른 { $format } 파일이 아닙니다: { $reason }
help-bad-exchange-file = 파일을 고치거나 `l10n export`로 다시 내보내세요. 아무것도 가져오지 않았습니다
cli-import-about = PO, XLIFF, TMX 파일의 번역을 카탈로그로 가져오기
cli-import-long-about =
    PO, XLIFF, TMX 파일의 번역을 카탈로그로 가져옵니다.

    `l10n export`로 내보내고 번역 도구(Poedit, CAT 도구, Weblate)에서 채운 파일을 읽습니다. 파일마다 어느 글, 어느 언어인지 적혀 있고, 항목은 세그먼트 id로 맞춥니다. 번역은 파일이 번역한 원문이 지금 카탈로그의 원문과 같을 때만 적용합니다. 내보낸 뒤 원문이 바뀐 항목, 없는 세그먼트, 없는 글은 목록으로 보여 주고 적용하지 않습니다. 아직 검토 표시(fuzzy, needs-review)가 있는 오래된 세그먼트의 번역은 오래된 상태로 남고, 검토를 마친 번역은 최신이 됩니다. 빈 번역은 아무것도 바꾸지 않습니다.

    쓰기 전에 모든 파일을 읽고 검사하며, 카탈로그는 배치와 주석을 그대로 둔 채 한꺼번에 씁니다. 종료 코드는 모두 적용하면 0, 목록이 있으면 1, 파일이 잘못되었으면 2입니다(이때는 아무것도 바뀌지 않습니다).
cli-import-dry-run = 무엇을 적용할지 보여 주기만 하고 아무것도 쓰지 않기
cli-import-files = 가져올 파일(.po, .xlf/.xliff, .tmx). 폴더를 주면 그 안의 그런 파일을 모두 가져옵니다
import-catalog = { $path }: { $applied }개 적용, { $unchanged }개 그대로, { $listed }개 적용 안 됨
import-not-applied = { $path }:{ $line }: { $id }: 적용 안 됨: { $reason }
import-section-not-applied = { $path }:{ $line }: 번역 { $count }개 적용 안 됨: { $reason }
import-source-changed = 내보낸 뒤 원문이 바뀌었습니다. 지금 원문은 “{ $now }”입니다. 다시 내보내서 번역하세요
import-unknown-id = { $catalog }에 그런 세그먼트가 없습니다
import-obsolete = 세그먼트가 글에서 빠졌습니다({ $catalog }에서 폐기됨)
import-for-review = 아직 검토 표시(fuzzy, needs review)가 있는데, 카탈로그에는 오래된 번역으로 남겨 둘 이전 원문이 없습니다. 검토를 마쳤다고 표시해야 적용됩니다
import-twice = 같은 항목이 서로 다른 번역으로 여러 번 나옵니다
import-unknown-article = 이 작업 공간에 `{ $article }` 글이 없습니다
import-no-catalog = 카탈로그 { $catalog }가 아직 없습니다. 먼저 `l10n extract --lang { $lang }`을 실행하세요
import-dry-run = 시험 실행: 아무것도 쓰지 않았습니다
import-summary = import: 번역 { $applied }개 적용, 카탈로그 { $catalogs }개 씀, { $listed }개 적용 안 됨
error-no-such-file = 파일 { $path }가 없습니다
error-import-format = { $path }가 어떤 파일인지 알 수 없습니다
help-import-files = import는 .po와 .pot(gettext), .xlf와 .xliff(XLIFF 1.2나 2.0), .tmx 파일을 읽습니다
error-import-no-lang = 파일에 어느 언어인지 적혀 있지 않습니다
help-import-no-lang = import는 대상 언어의 카탈로그를 채웁니다. 파일에 언어가 적혀 있어야 합니다(PO: Language 헤더, XLIFF: target-language나 trgLang, TMX: 번역의 xml:lang)
error-import-source-lang = 파일이 원문 언어 { $lang }로 되어 있습니다. import는 원문이 아니라 번역을 채웁니다
cli-value-export-tmx = 번역 메모리 (.tmx, TMX 1.4), Trados, memoQ, OmegaT 등 CAT 도구의 메모리를 채우는 용도
cli-value-export-xliff = XLIFF 1.2 (.xlf), Trados, memoQ, OmegaT 등 CAT 도구용
cli-value-export-xliff2 = XLIFF 2.0 (.xlf), 문단마다 유닛, 문장마다 세그먼트
error-export-stale = { $count ->
        [one] 카탈로그 { $first }가
       *[other] 카탈로그 { $count }개({ $first } 등)가
    } 글과 맞지 않아, 내보낸 번역을 다시 가져올 수 없습니다
help-export-stale = 먼저 `l10n extract --lang { $lang }`을 실행한 뒤 내보내세요. `l10n import`는 파일을 카탈로그와 맞춰 봅니다
error-export-source-lang = { $lang }는 원문 언어입니다. 그 카탈로그는 번역할 것이 없는 템플릿입니다
help-export-source-lang = 대상 언어를 내보내세요(`--lang ko`). `--format ftl`은 어느 언어든 내보냅니다
import-no-article = 파일에 어느 글인지 적혀 있지 않고(PO: X-L10n-Article 헤더, XLIFF: l10n-article 노트), `l10n export`가 두는 곳(<lang>/<article>.<ext>)에 있지도 않습니다
error-import-empty-folder = { $path }에 PO, XLIFF, TMX 파일이 없습니다
error-source-date-epoch = SOURCE_DATE_EPOCH가 `{ $value }`인데, 시각이 아닙니다
help-source-date-epoch = 1970-01-01 UTC부터 센 초(`date +%s`)로 정하거나, 시계를 쓰려면 지우세요
qa-control-character = 번역에 원문에 없는 제어 문자 { $code }가 있습니다
cli-check-max-issues = 문제를 최대 N개까지만 나열하고(text와 github 형식), 나머지는 개수만 알립니다 (기본값: 모두)
cli-value-format-github = GitHub Actions 주석: 문제마다 `::error`/`::warning`/`::notice` 한 줄, 그다음 판정
cli-value-format-junit = JUnit XML (GitLab, Jenkins): 언어마다 테스트 스위트, 글마다 테스트 케이스
cli-value-format-sarif = SARIF 2.1.0 (GitHub 코드 스캐닝): 문제마다 결과, 상태와 품질 검사마다 규칙
check-more-problems = … 그리고 문제 { $count }개가 더 있습니다 (`--max-issues`로 나열할 개수를 정합니다)
cli-quiet = 표준 오류에는 오류만 출력 (경고, 알림, 진행 막대 없음). init, extract, build, export, import, man --out은 성공하면 아무것도 출력하지 않음. status, check(판정 줄 포함), segment는 평소대로 출력
cli-completions-about = l10n의 셸 자동 완성 스크립트를 출력
cli-completions-long-about =
    l10n의 셸 자동 완성 스크립트를 표준 출력에 씁니다.

    셸의 시작 파일에서 불러오세요:
      bash:        source <(l10n completions bash)      (~/.bashrc에)
      zsh:         l10n completions zsh > "${"{"}fpath[1]{"}"}/_l10n"
      fish:        l10n completions fish > ~/.config/fish/completions/l10n.fish
      PowerShell:  l10n completions powershell | Out-String | Invoke-Expression
cli-completions-shell = 자동 완성을 쓸 셸
cli-man-about = l10n의 man 페이지를 출력하거나, 명령마다 한 페이지씩 씀
cli-man-long-about =
    l10n의 man 페이지(roff)를 표준 출력에 씁니다. 모든 명령과 그 하는 일, 전역 옵션이 들어 있습니다.

    --out DIR을 주면 그 페이지(l10n.1)와 명령마다 한 페이지(l10n-extract.1, l10n-status.1, …)를 DIR에 씁니다. man1 폴더 아래에 설치하면 됩니다. 하나를 읽으려면 `man -l l10n.1`.
cli-man-out = 출력하는 대신 이 폴더에 l10n.1과 명령마다 l10n-<command>.1을 씀
init-gitignore-written = { $path }을 담은 .gitignore를 썼습니다. l10n의 캐시 폴더는 git에 들어가지 않습니다
init-gitignore-added = .gitignore에 { $path }을 더했습니다. l10n의 캐시 폴더는 git에 들어가지 않습니다
progress-done = 완료

## 검사 정책 (l10n.toml의 [check]), --since, check --merge

check-rule-min-translated = { $lang }: { $value } % 번역됨, min-translated { $limit }보다 낮음 ({ $from })
check-rule-max-outdated = { $lang }: 오래됨 { $value }, max-outdated { $limit }보다 많음 ({ $from })
check-rule-article-min-translated = { $lang }: { $article }: { $value } % 번역됨, min-translated { $limit }보다 낮음 ({ $from }, glob { $glob })
check-rule-article-max-outdated = { $lang }: { $article }: 오래됨 { $value }, max-outdated { $limit }보다 많음 ({ $from }, glob { $glob })
check-rule-complete = { $lang }: 누락 { $missing }, 오래됨 { $outdated }. { $lang }에 min-translated나 max-outdated가 없으므로(l10n.toml [check]) 모든 세그먼트가 번역되어 있고 최신이어야 합니다
check-rule-fail-on = { $lang }: 품질 { $severity ->
        [warning] 경고
       *[error] 오류
    } { $value }개, fail-on에 { $severity }이(가) 들어 있음 ({ $from })
error-check-not-a-limit = { $key }는 수이거나, 언어별 수의 표여야 합니다
help-check-not-a-limit = 예: `{ $key } = 80` 또는 `{ $key } = { "{" } ko = 80, ja = 50, "*" = 90 { "}" }` ("*"는 이름을 적지 않은 언어)
error-check-count = max-outdated가 { $value }입니다. 세그먼트 개수가 아닙니다
help-check-count = 0 이상의 정수를 주세요
error-check-source-lang = { $key }에 원문 언어 { $lang }이(가) 있습니다
help-check-source-lang = 원문 언어에는 번역할 것이 없습니다. 대상 언어만 적으세요
error-check-lang-twice = { $key }에 { $lang }이(가) 두 번 있습니다
help-check-lang-twice = 태그는 정규형으로 비교합니다(`ko-kr`은 `ko-KR`). 하나만 남기세요
error-check-glob = glob `{ $glob }`이(가) 올바르지 않습니다: { $reason }
help-check-glob = glob은 글 id(글 폴더 아래 경로, 확장자 없음)에 맞춥니다. `*`는 한 폴더 안, `**`는 여러 폴더에 걸쳐, `?`는 한 글자, `[abc]`는 그중 한 글자, `{ "{" }a,b{ "}" }`는 둘 중 하나
error-check-rule-empty = `{ $glob }`에 대한 [[check.articles]] 규칙에 기준이 없습니다
help-check-rule-empty = 그 glob 아래에 `min-translated = 95`나 `max-outdated = 0`(또는 둘 다)을 넣으세요
error-git-not-repository = --since { $since }: { $path }은(는) git 저장소 안에 있지 않습니다 ({ $reason })
help-git-not-repository = --since는 바뀐 것을 git에 묻습니다. 클론 안에서 실행하거나, 모든 글을 검사하려면 --since를 빼세요
error-git-unknown-ref = --since { $since }: git이 모르는 리비전입니다 ({ $reason })
help-git-unknown-ref = 이 클론에 있는 브랜치, 태그, 커밋을 주세요 (CI에서는 먼저 가져오세요: `git fetch origin main` 후 `--since origin/main`)
cli-status-since = git 리비전 REF 이후 바뀐 글만 (브랜치가 REF에서 갈라진 뒤의 커밋, 스테이징된 것, 스테이징 안 된 것, 추적되지 않는 것): 글 파일, 템플릿, 카탈로그 중 하나
cli-check-since = git 리비전 REF 이후 바뀐 글만 (브랜치가 REF에서 갈라진 뒤의 커밋, 스테이징된 것, 스테이징 안 된 것, 추적되지 않는 것): 글 파일, 템플릿, 카탈로그 중 하나. 풀 리퀘스트가 바꾼 것만 검사할 때
cli-check-strict = 품질 오류뿐 아니라 경고에도 실패 (l10n.toml [check]의 `fail-on`보다 우선)
cli-check-merge = 작업 공간의 글 대신, 나누어 실행한 JSON 보고서들(`status`나 `check --format json --partition K/N`)을 합쳐 이 작업 공간 l10n.toml의 정책으로 판정
cli-report-about = 번역 현황을 HTML 보고서로 쓰기: 어느 브라우저에서나 열리는 페이지
cli-report-long-about =
    번역 현황을 HTML 보고서로 씁니다: 어느 브라우저에서나 여는 페이지입니다.

    보고서는 DIR/index.html 파일 하나로 완결됩니다. 네트워크를 쓰지 않고 외부의 글꼴이나 스크립트도 불러오지 않으며, JavaScript를 꺼도, 휴대전화에서도 읽을 수 있습니다. 언어마다 번역됨·오래됨·대체됨·누락 세그먼트(단어 수 포함)를 나타내는 막대, 로캘 폴더를 바꾼 커밋에 따른 진행 차트(작업 공간이 git 저장소 안에 있을 때: 최근 100개), 남은 번역량 순으로 정렬된 글 표, 오래된 세그먼트마다 원문이 어떻게 바뀌었는지를 보여 줍니다. 언어별 수치는 스크립트가 읽을 수 있도록 데이터 속성(data-lang, data-segments, data-translated, data-outdated, data-covered, data-missing)으로도 들어 있습니다. 수치는 `l10n status`와 같습니다.
cli-report-languages = 이 언어만 보고합니다(여러 번 지정 가능). 기본값은 모든 대상 언어
cli-report-out = index.html을 쓸 폴더
cli-report-no-cache = 이전 실행 결과를 다시 쓰지 않고 모든 글을 새로 계획합니다
report-title = 번역 보고서
report-intro = { $source } 글 { $articles }개, 번역 언어: { $languages }.
report-nav = 언어
report-summary = 세그먼트 { $segments }개 중 { $translated }개 번역됨 ({ $percent }%), 단어 { $words }개 중 { $words_translated }개.
report-fallback = 누락된 세그먼트를 대신하는 언어: { $chain }
report-orphans = 글이 없어진(삭제되었거나 이름이 바뀐) 카탈로그:
report-column-state = 상태
report-column-segments = 세그먼트
report-column-words = 단어
report-column-share = 비율
report-state-translated = 번역됨
report-state-outdated = 오래됨
report-state-covered = 대체 언어로 채워짐
report-state-missing = 누락
report-progress = 진행 상황
report-history-no-git = 진행 차트 없음: git이 설치되어 있지 않아 카탈로그의 이력을 읽을 수 없습니다.
report-history-not-repository = 진행 차트 없음: 작업 공간이 git 저장소 안에 있지 않습니다.
report-history-no-commits = 진행 차트 없음: 아직 { $locales }을(를) 바꾼 커밋이 없습니다.
report-history-failed = 진행 차트 없음: git이 이력을 읽지 못했습니다({ $reason }).
report-chart-title = { $locales }을(를) 바꾼 커밋마다 { $lang } 번역 비율
report-chart-description = { $first_date } { $first }%에서 { $last_date } { $last }%까지, 커밋 { $commits }개.
report-chart-note = 커밋된 카탈로그에서 센 값입니다: 번역이 있고 previous-source가 없는 항목을 번역된 것으로 봅니다.
report-chart-figures = 차트의 수치
report-column-date = 날짜
report-column-commit = 커밋
report-column-entries = 항목
report-articles = 글
report-articles-caption = 남은 번역이 많은 순서로 정렬되어 있습니다. JavaScript가 켜져 있으면 열 제목을 눌러 그 열로 정렬할 수 있습니다.
report-column-article = 글
report-column-remaining = 남음
report-column-words-left = 남은 단어
report-column-missing = 누락
report-column-outdated = 오래됨
report-column-covered = 대체됨
report-column-translated = 번역됨
report-column-percent = 번역 비율(%)
report-outdated-heading = 오래된 세그먼트
report-outdated-none = 오래된 세그먼트가 없습니다.
report-outdated-intro = 번역한 뒤 원문이 어떻게 바뀌었는지 보여 줍니다: 지운 단어는 취소선, 더한 단어는 밑줄로 표시합니다. 번역을 고친 뒤 previous-source 줄을 지우세요.
report-footer = l10n report가 쓴 페이지입니다. 수치는 l10n status와 같으며, 페이지는 외부에서 아무것도 불러오지 않습니다.
error-check-glob-matches-no-id = glob `{ $glob }`은(는) 어떤 글과도 맞지 않습니다: 글 id에는 확장자가 없습니다
error-git-no-merge-base = --since { $since }: { $since }와(과) HEAD가 함께 거쳐 온 커밋을 git이 찾지 못합니다 ({ $reason }). 얕은 클론에는 그 이력이 없습니다
help-git-no-merge-base = 둘이 함께 가진 이력을 가져오세요: `git fetch --unshallow` (GitHub Actions에서는 actions/checkout에 `fetch-depth: 0`), 그다음 다시 실행하세요
init-gitignore-link = .gitignore가 링크라서 그대로 두었습니다: l10n의 캐시 폴더가 git에 들어가지 않도록 링크가 가리키는 파일에 { $path }을 더하세요
error-check-empty-table = `{ $key } = {"{}"}`에 언어가 없습니다. 규칙처럼 보이지만 아무것도 정하지 않습니다
help-check-empty-table = 언어별로 한도를 주거나(`{ $key } = {"{"} ko = 80 {"}"}`), 나머지는 `"*"`로, 또는 모두에 숫자 하나를 주세요
error-out-not-folder = { $path }는 폴더가 아니라 파일이라 그 안에 쓸 수 없습니다
help-out-not-folder = --out에는 폴더를 주세요(없으면 만듭니다)

# 원문이 겉모양만 바뀌어(따옴표, 대시, 공백) 번역이 그대로 최신인 세그먼트
extract-refreshed = 갱신 { $count }
# 오래된 세그먼트의 상태와 그 까닭($reasons: number, negation, link, name, markup, wording)
check-outdated-reasons = 오래됨 ({ $reasons })
cli-extract-fill = 번역 메모리로 빠진 항목을 채웁니다: `exact`는 원문이 똑같은 것만(번역됨으로 셈, `from-memory` 표시), `fuzzy`는 가장 가까운 일치도 검토할 오래된 항목으로 채웁니다
cli-extract-min-score = `--fill fuzzy`가 받아들이는 유사 일치의 최저 점수(0–100)
cli-suggest-about = 빠졌거나 오래된 세그먼트에 번역 메모리 일치를 제안합니다
cli-suggest-long-about =
    한 언어의 빠졌거나 오래된 세그먼트마다 번역 메모리에서 가장 좋은 일치를 제안합니다: 그 언어의 모든 카탈로그(현재 항목과 폐기된 항목)와 l10n.toml의 `memory = [...]`에 적힌 TMX 파일의 쌍입니다. 메모리는 .l10n/memory-LANG.sqlite에 두고 실행할 때마다 최신으로 맞춥니다.
cli-suggest-lang = 번역을 제안할 언어
cli-suggest-format = 제안을 출력할 형식
cli-suggest-min-score = 보여 줄 일치의 최저 점수(0–100)
cli-suggest-max = 세그먼트마다 보여 줄 최대 일치 수
cli-suggest-articles = 이 문서만 제안합니다(id 또는 경로; 기본값: 전부)
suggest-segment = { $article }#{ $id }:
suggest-match = { $score }% ({ $from }):
suggest-summary = 번역이 필요한 세그먼트 { $segments }개, 그중 제안이 있는 것 { $matched }개
error-memory-file = 번역 메모리 파일 { $path }을(를) 읽을 수 없습니다: { $reason }
help-memory-file = `memory = [...]`에는 l10n.toml이 있는 폴더 기준으로 존재하는 TMX 파일을 적으세요
extract-filled = 메모리에서 { $count }개 채움
build-in-source = { $lang }: 원문 언어({ $source }) 그대로인 세그먼트 { $count }개, 글 { $articles }개
build-refused = { $article } 쓰지 않음: 원문 언어({ $source }) 그대로인 세그먼트 { $count }개
cli-build-strict = 원문 언어로 남은 세그먼트(자기 번역도, 대체 언어의 번역도 없는 것)가 하나라도 있는 글은 쓰지 않음. 나머지 글은 쓰고, 종료 코드는 1
error-markdown-config = 잘못된 [markdown] 설정: { $reason }
help-markdown-config = `front-matter = ["title", "description"]`, `opaque = [["<<", ">>"]]`처럼 키 이름과, 비어 있지 않은 구분자 쌍을 적으세요
timings-header = 단계별 시간 (스레드 합계):
timings-row = {"  "}{ $phase ->
        [discover] 찾기
        [read] 읽기
        [parse] 해석
        [plan] 계획
        [render] 렌더링
        [stage] 준비
       *[commit] 반영
    }: { $ms } ms, 항목 { $count }개
timings-planned = 기사 { $articles }개 중 { $planned }개를 계획함; 전체 시간 { $ms } ms
cli-extract-timings = 실행 시간이 어느 단계에 쓰였는지 표준 오류에 출력합니다 (L10N_TIMINGS=1도 같음)
cli-status-timings = 실행 시간이 어느 단계에 쓰였는지 표준 오류에 출력합니다 (L10N_TIMINGS=1도 같음)
