<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>App</name>
        <message>
            <source>Something went wrong: {error}

The details are in {where}.</source>
            <translation>문제가 생겼습니다: {error}

자세한 내용은 {where}에 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>BundlePanel</name>
        <message>
            <source>Preview stopped.</source>
            <translation>미리보기를 멈췄습니다.</translation>
        </message>
        <message>
            <source>No preview: {error}</source>
            <translation>미리보기 없음: {error}</translation>
        </message>
        <message>
            <source>No preview</source>
            <translation>미리보기 없음</translation>
        </message>
        <message>
            <source>Database and column</source>
            <translation>데이터베이스와 열</translation>
        </message>
        <message>
            <source>Read as</source>
            <translation>읽는 방식</translation>
        </message>
        <message>
            <source>What each Notion database column holds; change any that was misread</source>
            <translation>Notion 데이터베이스의 각 열에 담긴 내용입니다. 잘못 읽힌 것은 바꾸세요</translation>
        </message>
        <message>
            <source>What the import will build</source>
            <translation>가져오기로 만들어질 구조</translation>
        </message>
        <message>
            <source>Preview the tree</source>
            <translation>트리 미리보기</translation>
        </message>
        <message>
            <source>rows become {kind}</source>
            <translation>행 → {kind}</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>{name} 읽는 중…</translation>
        </message>
        <message>
            <source>, {pages} cannot be read</source>
            <translation>, {pages}는 읽을 수 없음</translation>
        </message>
        <message>
            <source>Nothing is saved yet; {warnings}{errors}.</source>
            <translation>아직 저장되지 않았습니다. {warnings}{errors}.</translation>
        </message>
    </context>
    <context>
        <name>Card</name>
        <message>
            <source>p. {page}</source>
            <translation>{page}쪽</translation>
        </message>
        <message>
            <source>Mark open</source>
            <translation>미해결로 표시</translation>
        </message>
        <message>
            <source>Mark answered</source>
            <translation>답변 완료로 표시</translation>
        </message>
        <message>
            <source>video {time}</source>
            <translation>영상 {time}</translation>
        </message>
        <message>
            <source>asked {when}</source>
            <translation>{when}에 질문</translation>
        </message>
        <message>
            <source>lecture {number}</source>
            <translation>{number}강</translation>
        </message>
        <message>
            <source>private</source>
            <translation>비공개</translation>
        </message>
        <message>
            <source>No answer written down.</source>
            <translation>적어 둔 답변이 없습니다.</translation>
        </message>
        <message>
            <source>No answer yet.</source>
            <translation>아직 답변이 없습니다.</translation>
        </message>
        <message>
            <source>○ Open</source>
            <translation>○ 미해결</translation>
        </message>
        <message>
            <source>✓ Marked answered by you</source>
            <translation>✓ 내가 답변 완료로 표시</translation>
        </message>
        <message>
            <source>✓ Answered by the instructor</source>
            <translation>✓ 강사 답변 완료</translation>
        </message>
        <message>
            <source>✓ Answered by a classmate</source>
            <translation>✓ 동료 답변 완료</translation>
        </message>
        <message>
            <source>✓ Answered</source>
            <translation>✓ 답변 완료</translation>
        </message>
    </context>
    <context>
        <name>CellEditor</name>
        <message>
            <source>Make a question</source>
            <translation>질문으로 만들기</translation>
        </message>
        <message>
            <source>This paragraph becomes a question; the text after it, its answer</source>
            <translation>이 문단이 질문이 되고, 그 뒤의 텍스트가 답변이 됩니다</translation>
        </message>
        <message>
            <source>Not a question</source>
            <translation>질문 아님</translation>
        </message>
    </context>
    <context>
        <name>Chart</name>
        <message>
            <source>{week}: {answered} answered, {open} open</source>
            <translation>{week}: 답변 완료 {answered}, 미해결 {open}</translation>
        </message>
        <message>
            <source>Weeks with open questions: {weeks}</source>
            <translation>미해결 질문이 있는 주: {weeks}</translation>
        </message>
        <message>
            <source>Every question is answered.</source>
            <translation>모든 질문에 답변했습니다.</translation>
        </message>
        <message>
            <source>answered</source>
            <translation>답변 완료</translation>
        </message>
        <message>
            <source>open</source>
            <translation>미해결</translation>
        </message>
        <message>
            <source>Questions per week</source>
            <translation>주차별 질문</translation>
        </message>
        <message>
            <source>{day}: {share} recalled</source>
            <translation>{day}: {share} 기억함</translation>
        </message>
        <message>
            <source>{reviews} reviews in {days} days</source>
            <translation>{days}일 동안 복습 {reviews}회</translation>
        </message>
        <message>
            <source>; {share} of learned questions recalled</source>
            <translation>; 익힌 질문의 {share} 기억함</translation>
        </message>
        <message>
            <source>reviews</source>
            <translation>복습</translation>
        </message>
        <message>
            <source>retention</source>
            <translation>기억률</translation>
        </message>
        <message>
            <source>Reviews, last {days} days</source>
            <translation>복습, 최근 {days}일</translation>
        </message>
        <message>
            <source>{day}: {reviews} reviews</source>
            <translation>{day}: 복습 {reviews}회</translation>
        </message>
    </context>
    <context>
        <name>CommandPalette</name>
        <message>
            <source>Command palette</source>
            <translation>명령 팔레트</translation>
        </message>
        <message>
            <source>Action to run</source>
            <translation>실행할 명령</translation>
        </message>
        <message>
            <source>Type an action's name</source>
            <translation>명령 이름을 입력하세요</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>명령 목록</translation>
        </message>
    </context>
    <context>
        <name>ContextMenu</name>
        <message>
            <source>Copy</source>
            <translation>복사</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>모두 선택</translation>
        </message>
        <message>
            <source>Make a question</source>
            <translation>질문으로 만들기</translation>
        </message>
        <message>
            <source>Mark open</source>
            <translation>미해결로 표시</translation>
        </message>
        <message>
            <source>Mark answered</source>
            <translation>답변 완료로 표시</translation>
        </message>
        <message>
            <source>Not a question</source>
            <translation>질문 아님</translation>
        </message>
        <message>
            <source>Edit in the note</source>
            <translation>노트에서 편집</translation>
        </message>
        <message>
            <source>Edit asker, lecture, page, time…</source>
            <translation>질문자, 강, 쪽, 시간 고치기…</translation>
        </message>
        <message>
            <source>Copy as Markdown</source>
            <translation>마크다운으로 복사</translation>
        </message>
        <message>
            <source>New note…</source>
            <translation>새 노트…</translation>
        </message>
        <message>
            <source>Edit note</source>
            <translation>노트 편집</translation>
        </message>
        <message>
            <source>Rename note…</source>
            <translation>노트 이름 바꾸기…</translation>
        </message>
        <message>
            <source>Note history…</source>
            <translation>노트 기록…</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>노트 삭제</translation>
        </message>
        <message>
            <source>New notebook…</source>
            <translation>새 노트북…</translation>
        </message>
        <message>
            <source>Rename notebook…</source>
            <translation>노트북 이름 바꾸기…</translation>
        </message>
        <message>
            <source>Schedule…</source>
            <translation>일정…</translation>
        </message>
        <message>
            <source>Export this week to Markdown…</source>
            <translation>이번 주를 마크다운으로 내보내기…</translation>
        </message>
        <message>
            <source>People…</source>
            <translation>사람…</translation>
        </message>
        <message>
            <source>Delete notebook…</source>
            <translation>노트북 삭제…</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>파일 가져오기…</translation>
        </message>
        <message>
            <source>Deleted notes and notebooks…</source>
            <translation>삭제한 노트와 노트북…</translation>
        </message>
        <message>
            <source>Move to week</source>
            <translation>주차로 옮기기</translation>
        </message>
        <message>
            <source>Unsorted</source>
            <translation>미분류</translation>
        </message>
        <message>
            <source>Show in the tree</source>
            <translation>트리에서 보기</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>열기</translation>
        </message>
        <message>
            <source>Copy text</source>
            <translation>텍스트 복사</translation>
        </message>
    </context>
    <context>
        <name>CountWords</name>
        <message numerus="yes">
            <source>%n question(s)</source>
            <translation>
                <numerusform>질문 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{open} open of %n question(s)</source>
            <translation>
                <numerusform>질문 %n개 중 미해결 {open}개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n study day(s) a week</source>
            <translation>
                <numerusform>주 %n일 공부</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n note(s)</source>
            <translation>
                <numerusform>노트 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>파일 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>경고 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>오류 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>페이지 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n result(s)</source>
            <translation>
                <numerusform>결과 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>충돌 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n due for review</source>
            <translation>
                <numerusform>복습할 질문 %n개</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DamagedLibrary</name>
        <message>
            <source>Restore the latest good backup</source>
            <translation>마지막 정상 백업으로 복원</translation>
        </message>
    </context>
    <context>
        <name>Dates</name>
        <message>
            <source>W{number}</source>
            <comment>a week under its bar in a chart</comment>
            <translation>{number}주</translation>
        </message>
        <message>
            <source>Jan</source>
            <translation>1월</translation>
        </message>
        <message>
            <source>Feb</source>
            <translation>2월</translation>
        </message>
        <message>
            <source>Mar</source>
            <translation>3월</translation>
        </message>
        <message>
            <source>Apr</source>
            <translation>4월</translation>
        </message>
        <message>
            <source>May</source>
            <translation>5월</translation>
        </message>
        <message>
            <source>Jun</source>
            <translation>6월</translation>
        </message>
        <message>
            <source>Jul</source>
            <translation>7월</translation>
        </message>
        <message>
            <source>Aug</source>
            <translation>8월</translation>
        </message>
        <message>
            <source>Sep</source>
            <translation>9월</translation>
        </message>
        <message>
            <source>Oct</source>
            <translation>10월</translation>
        </message>
        <message>
            <source>Nov</source>
            <translation>11월</translation>
        </message>
        <message>
            <source>Dec</source>
            <translation>12월</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>월</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>화</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>수</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>목</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>금</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>토</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>일</translation>
        </message>
        <message>
            <source>{weekday}, {month_name} {day}</source>
            <translation>{month}월 {day}일 ({weekday})</translation>
        </message>
        <message>
            <source>{month_name} {day}, {year}</source>
            <translation>{year}년 {month}월 {day}일</translation>
        </message>
        <message>
            <source>Week {number}</source>
            <translation>{number}주차</translation>
        </message>
        <message>
            <source>{month_name} {day}–{last_day}</source>
            <comment>days of one month</comment>
            <translation>{month}월 {day}일–{last_day}일</translation>
        </message>
        <message>
            <source>{month_name} {day}–{last_month_name} {last_day}</source>
            <comment>days of two months</comment>
            <translation>{month}월 {day}일–{last_month}월 {last_day}일</translation>
        </message>
        <message>
            <source>Week {number} ({days})</source>
            <translation>{number}주차 ({days})</translation>
        </message>
        <message>
            <source>Lecture {number}</source>
            <translation>{number}강</translation>
        </message>
        <message>
            <source>Lecture {number}: {title}</source>
            <translation>{number}강: {title}</translation>
        </message>
    </context>
    <context>
        <name>DeletedDialog</name>
        <message>
            <source>Deleted notes and notebooks</source>
            <translation>삭제한 노트와 노트북</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>복원</translation>
        </message>
        <message>
            <source>Notebook “{title}” · {notes}, {questions}</source>
            <translation>노트북 “{title}” · {notes}, {questions}</translation>
        </message>
        <message>
            <source>Note “{title}” in {notebook} · {questions}</source>
            <translation>{notebook}의 노트 “{title}” · {questions}</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>삭제:</translation>
        </message>
        <message>
            <source>Nothing has been deleted.</source>
            <translation>삭제한 것이 없습니다.</translation>
        </message>
        <message>
            <source>Delete permanently…</source>
            <translation>영구 삭제…</translation>
        </message>
        <message>
            <source>Empty the list…</source>
            <translation>목록 비우기…</translation>
        </message>
        <message>
            <source>Delete {what} permanently? It cannot be restored.</source>
            <translation>{what}을(를) 영구 삭제할까요? 다시 복원할 수 없습니다.</translation>
        </message>
        <message>
            <source>Empty the list of deleted notes and notebooks? Nothing in it can be restored.</source>
            <translation>삭제한 노트와 노트북 목록을 비울까요? 목록에 있는 것은 하나도 복원할 수 없습니다.</translation>
        </message>
        <message>
            <source>Delete permanently</source>
            <translation>영구 삭제</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Schedule of {title}</source>
            <translation>{title} 일정</translation>
        </message>
        <message>
            <source>The notebook starts on</source>
            <translation>노트북 시작일</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>시작일</translation>
        </message>
        <message>
            <source> study days a week</source>
            <translation>일 (주당 공부하는 날)</translation>
        </message>
        <message>
            <source>“Day N” notes count</source>
            <translation>“Day N” 노트 기준</translation>
        </message>
        <message>
            <source>Export week</source>
            <translation>주차 내보내기</translation>
        </message>
        <message>
            <source>Export {week} of {notebook} to Markdown</source>
            <translation>{notebook}의 {week}를 마크다운으로 내보내기</translation>
        </message>
        <message>
            <source>Everything, or only the questions still open (to take to the next meeting)?</source>
            <translation>전부 내보낼까요, 아니면 (다음 모임에 가져갈) 미해결 질문만 내보낼까요?</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>전부</translation>
        </message>
        <message>
            <source>Open questions only</source>
            <translation>미해결 질문만</translation>
        </message>
    </context>
    <context>
        <name>Editor</name>
        <message>
            <source>New question</source>
            <translation>새 질문</translation>
        </message>
        <message>
            <source>Add text</source>
            <translation>텍스트 추가</translation>
        </message>
        <message>
            <source>Add a Markdown cell after this one</source>
            <translation>이 셀 뒤에 마크다운 셀 추가</translation>
        </message>
        <message>
            <source>Add question</source>
            <translation>질문 추가</translation>
        </message>
        <message>
            <source>Add a question after this cell</source>
            <translation>이 셀 뒤에 질문 추가</translation>
        </message>
        <message>
            <source>Delete cell</source>
            <translation>셀 삭제</translation>
        </message>
        <message>
            <source>Delete this cell ({shortcut} brings it back)</source>
            <translation>이 셀 삭제 ({shortcut}로 되돌림)</translation>
        </message>
        <message>
            <source>The preview is not available: {error}</source>
            <translation>미리보기를 쓸 수 없습니다: {error}</translation>
        </message>
        <message>
            <source>Read-only: this library cannot be changed here</source>
            <translation>읽기 전용: 여기서는 이 라이브러리를 바꿀 수 없습니다</translation>
        </message>
        <message>
            <source>Editing…</source>
            <translation>편집 중…</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>저장되지 않음: {error}</translation>
        </message>
        <message>
            <source>A question needs some text; it is saved once it has some</source>
            <translation>질문에는 내용이 있어야 합니다. 내용을 쓰면 저장됩니다</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>저장됨</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>질문</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>답변 완료</translation>
        </message>
        <message>
            <source>The question</source>
            <translation>질문 내용</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>답변</translation>
        </message>
        <message>
            <source>No answer yet</source>
            <translation>아직 답변 없음</translation>
        </message>
        <message>
            <source>Markdown text</source>
            <translation>마크다운 텍스트</translation>
        </message>
    </context>
    <context>
        <name>EditorPane</name>
        <message>
            <source>Done</source>
            <translation>완료</translation>
        </message>
        <message>
            <source>Close the editor (Esc, Ctrl+W); everything is already saved</source>
            <translation>편집기 닫기 (Esc, Ctrl+W). 모두 이미 저장되었습니다</translation>
        </message>
        <message>
            <source>Editing: {title}</source>
            <translation>편집 중: {title}</translation>
        </message>
        <message>
            <source>Select a note to edit</source>
            <translation>편집할 노트를 선택하세요</translation>
        </message>
    </context>
    <context>
        <name>EmptyPage</name>
        <message>
            <source>No notes yet. Import a file for it ({shortcut}) or drag a note here from the tree.</source>
            <translation>아직 노트가 없습니다. 파일을 가져오거나({shortcut}) 트리에서 노트를 여기로 끌어 오세요.</translation>
        </message>
    </context>
    <context>
        <name>FocusKeys</name>
        <message>
            <source>&amp;Go to</source>
            <translation>이동(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Notebook tree</source>
            <translation>노트북 트리(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>미리보기(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Question list</source>
            <translation>질문 목록(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>검색(&amp;S)</translation>
        </message>
        <message>
            <source>Ne&amp;xt pane</source>
            <translation>다음 창(&amp;X)</translation>
        </message>
        <message>
            <source>P&amp;revious pane</source>
            <translation>이전 창(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>Formats</name>
        <message>
            <source>Zoom chat</source>
            <translation>Zoom 채팅</translation>
        </message>
        <message>
            <source>Notion question board</source>
            <translation>Notion 질문 게시판</translation>
        </message>
        <message>
            <source>Meeting minutes</source>
            <translation>회의록</translation>
        </message>
        <message>
            <source>Programme page (schedule)</source>
            <translation>커리큘럼 페이지 (일정)</translation>
        </message>
        <message>
            <source>Day N study log</source>
            <translation>Day N 공부 기록</translation>
        </message>
        <message>
            <source>Markdown or text</source>
            <translation>마크다운 또는 텍스트</translation>
        </message>
        <message>
            <source>Week exported from studynotes</source>
            <translation>studynotes에서 내보낸 주차</translation>
        </message>
        <message>
            <source>KakaoTalk chat</source>
            <translation>카카오톡 채팅</translation>
        </message>
        <message>
            <source>Discord chat</source>
            <translation>디스코드 채팅</translation>
        </message>
        <message>
            <source>Slack chat</source>
            <translation>슬랙 채팅</translation>
        </message>
        <message>
            <source>Notion page</source>
            <translation>Notion 페이지</translation>
        </message>
        <message>
            <source>Notion export</source>
            <translation>Notion 내보내기</translation>
        </message>
        <message>
            <source>study repository</source>
            <translation>스터디 저장소</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>단축키</translation>
        </message>
        <message>
            <source>Question list › Toggle answered / open</source>
            <translation>질문 목록 › 답변 완료 / 미해결 전환</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Space</translation>
        </message>
        <message>
            <source>Search › Into the results / clear</source>
            <translation>검색 › 결과로 이동 / 지우기</translation>
        </message>
        <message>
            <source>↓ / Esc</source>
            <translation>↓ / Esc</translation>
        </message>
        <message>
            <source>Anywhere › Back / forward</source>
            <translation>어디서나 › 뒤로 / 앞으로</translation>
        </message>
        <message>
            <source>Mouse side buttons</source>
            <translation>마우스 옆 버튼</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>동작</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>단축키</translation>
        </message>
        <message>
            <source>&lt;h3&gt;studynotes {version}&lt;/h3&gt;&lt;p&gt;A notebook for study groups: lecture chats, question boards, minutes and study logs in one file on this computer.&lt;/p&gt;&lt;p&gt;Library: {path}&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;studynotes {version}&lt;/h3&gt;&lt;p&gt;스터디 모임을 위한 노트북: 강의 채팅, 질문 게시판, 회의록, 공부 기록을 이 컴퓨터의 파일 하나에 담습니다.&lt;/p&gt;&lt;p&gt;라이브러리: {path}&lt;/p&gt;&lt;p&gt;Python {python} · Qt {qt} · PySide6 {pyside}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About studynotes</source>
            <translation>studynotes 정보</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>History of {title}</source>
            <translation>{title}의 기록</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>버전 목록</translation>
        </message>
        <message>
            <source>Text of this version</source>
            <translation>이 버전의 텍스트</translation>
        </message>
        <message>
            <source>Restore this version</source>
            <translation>이 버전으로 되돌리기</translation>
        </message>
        <message>
            <source>Nothing in this note has been edited yet.</source>
            <translation>이 노트는 아직 편집된 적이 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>Import</name>
        <message>
            <source>{what}: {error} (details in {log})</source>
            <translation>{what}: {error} (자세한 내용: {log})</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was saved.</source>
            <translation>가져오기를 취소했습니다. 아무것도 저장되지 않았습니다.</translation>
        </message>
        <message>
            <source>The import failed: {error}</source>
            <translation>가져오기 실패: {error}</translation>
        </message>
        <message>
            <source>The import failed</source>
            <translation>가져오기 실패</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>(from the document)</source>
            <translation>(문서에 적힌 대로)</translation>
        </message>
        <message>
            <source>As detected, per file</source>
            <translation>파일마다 인식된 대로</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>가져오기</translation>
        </message>
        <message>
            <source>Files to import</source>
            <translation>가져올 파일</translation>
        </message>
        <message>
            <source>File</source>
            <translation>파일</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>형식</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>비고</translation>
        </message>
        <message>
            <source>Read every file as this format instead of the one recognised</source>
            <translation>인식된 형식 대신 모든 파일을 이 형식으로 읽기</translation>
        </message>
        <message>
            <source>An existing notebook, a new name, or the one each document suggests</source>
            <translation>기존 노트북, 새 이름, 또는 문서마다 적힌 노트북</translation>
        </message>
        <message>
            <source>from the document</source>
            <translation>문서에 적힌 대로</translation>
        </message>
        <message>
            <source>Set the date</source>
            <translation>날짜 지정</translation>
        </message>
        <message>
            <source>Date of the notes</source>
            <translation>노트 날짜</translation>
        </message>
        <message>
            <source>Read all as</source>
            <translation>모두 이 형식으로</translation>
        </message>
        <message>
            <source>Notebook</source>
            <translation>노트북</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>주차</translation>
        </message>
        <message>
            <source>Lecture</source>
            <translation>강</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>날짜</translation>
        </message>
        <message>
            <source>Recognising the formats of {files}…</source>
            <translation>{files}의 형식을 인식하는 중…</translation>
        </message>
        <message>
            <source>cannot be read</source>
            <translation>읽을 수 없음</translation>
        </message>
        <message>
            <source>This file is skipped</source>
            <translation>이 파일은 건너뜁니다</translation>
        </message>
        <message>
            <source>{pages} into “{notebook}”</source>
            <translation>“{notebook}”에 {pages}</translation>
        </message>
        <message>
            <source>; {count} skipped</source>
            <translation>; {count}개 건너뜀</translation>
        </message>
        <message>
            <source>{files} to import</source>
            <translation>가져올 {files}</translation>
        </message>
        <message>
            <source>; {count} skipped (each row says why)</source>
            <translation>; {count}개 건너뜀 (이유는 각 행에)</translation>
        </message>
        <message>
            <source>Importing as soon as every format is recognised…</source>
            <translation>모든 형식을 인식하면 바로 가져옵니다…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>The import could not start</source>
            <translation>가져오기를 시작할 수 없습니다</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>취소하는 중…</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was saved.</source>
            <translation>가져오기를 취소했습니다. 아무것도 저장되지 않았습니다.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>가져오기 완료</translation>
        </message>
        <message>
            <source>already imported, unchanged</source>
            <translation>이미 가져옴, 바뀐 것 없음</translation>
        </message>
        <message>
            <source>{notes}, {questions} in {notebook}</source>
            <translation>{notebook}에 {notes}, {questions}</translation>
        </message>
        <message>
            <source>, kept {count} of your changes</source>
            <translation>, 내가 바꾼 {count}곳 유지</translation>
        </message>
        <message>
            <source>{notes}, {questions} from {files}</source>
            <translation>{files}에서 {notes}, {questions}</translation>
        </message>
        <message>
            <source>unchanged, nothing to do</source>
            <translation>바뀐 것 없음, 할 일 없음</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <source>Follow the &amp;system</source>
            <translation>시스템 설정 따르기(&amp;S)</translation>
        </message>
        <message>
            <source>The new language shows the next time studynotes starts</source>
            <translation>바꾼 언어는 studynotes를 다시 시작하면 적용됩니다</translation>
        </message>
    </context>
    <context>
        <name>LibraryOpen</name>
        <message>
            <source>Updating the library for this version of studynotes…
A backup copy is kept first.</source>
            <translation>이 버전의 studynotes에 맞게 라이브러리를 업데이트하는 중…
먼저 백업 사본을 만듭니다.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>studynotes — {file}</source>
            <translation>studynotes — {file}</translation>
        </message>
        <message>
            <source>Notebooks</source>
            <translation>노트북</translation>
        </message>
        <message>
            <source>The preview's text size (Ctrl+0 resets it)</source>
            <translation>미리보기 글자 크기 (Ctrl+0으로 원래대로)</translation>
        </message>
        <message>
            <source>Read-only: this library file cannot be changed here</source>
            <translation>읽기 전용: 여기서는 이 라이브러리 파일을 바꿀 수 없습니다</translation>
        </message>
        <message>
            <source>Something went wrong: {error}

Details: {where}</source>
            <translation>문제가 생겼습니다: {error}

자세한 내용: {where}</translation>
        </message>
        <message>
            <source>{title}: {open} open / {questions} · {path}</source>
            <translation>{title}: 미해결 {open} / {questions} · {path}</translation>
        </message>
        <message>
            <source>Text {percent}%</source>
            <translation>글자 {percent}%</translation>
        </message>
        <message>
            <source>Empty library · {path}</source>
            <translation>빈 라이브러리 · {path}</translation>
        </message>
        <message>
            <source>The linked page is not in the library (it was not imported)</source>
            <translation>링크된 페이지가 라이브러리에 없습니다 (가져오지 않았습니다)</translation>
        </message>
        <message>
            <source>Deleted notes and notebooks…</source>
            <translation>삭제한 노트와 노트북…</translation>
        </message>
        <message>
            <source>studynotes — sample notebooks (a temporary library)</source>
            <translation>studynotes — 예제 노트북 (임시 라이브러리)</translation>
        </message>
        <message>
            <source>Updated with changes made in another window</source>
            <translation>다른 창에서 바꾼 내용으로 업데이트했습니다</translation>
        </message>
        <message>
            <source>Import files</source>
            <translation>파일 가져오기</translation>
        </message>
        <message>
            <source>Notes (*.md *.markdown *.txt *.text);;Notion exports (*.zip);;All files (*)</source>
            <translation>노트 (*.md *.markdown *.txt *.text);;Notion 내보내기 (*.zip);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translation>폴더 가져오기</translation>
        </message>
        <message>
            <source>Select a week (or a lecture or note in it) to export</source>
            <translation>내보낼 주차(또는 그 안의 강이나 노트)를 선택하세요</translation>
        </message>
        <message>
            <source>{notebook} week {number}</source>
            <translation>{notebook} {number}주차</translation>
        </message>
        <message>
            <source> open</source>
            <translation> 미해결</translation>
        </message>
        <message>
            <source>Export week</source>
            <translation>주차 내보내기</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>마크다운 (*.md)</translation>
        </message>
        <message>
            <source>Exported {week} to {file}</source>
            <translation>{week}를 {file}(으)로 내보냈습니다</translation>
        </message>
        <message>
            <source>That file is no longer in the library</source>
            <translation>그 파일은 더 이상 라이브러리에 없습니다</translation>
        </message>
        <message>
            <source>No program on this computer opens {name}</source>
            <translation>이 컴퓨터에는 {name}을(를) 여는 프로그램이 없습니다</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Import files…</source>
            <translation>파일 가져오기(&amp;I)…</translation>
        </message>
        <message>
            <source>Import lecture chats, Notion exports, minutes and study logs</source>
            <translation>강의 채팅, Notion 내보내기, 회의록, 공부 기록 가져오기</translation>
        </message>
        <message>
            <source>Import &amp;folder…</source>
            <translation>폴더 가져오기(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Export week to Markdown…</source>
            <translation>주차를 마크다운으로 내보내기(&amp;E)…</translation>
        </message>
        <message>
            <source>The selected week as one Markdown file</source>
            <translation>선택한 주차를 마크다운 파일 하나로</translation>
        </message>
        <message>
            <source>New &amp;note…</source>
            <translation>새 노트(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;New notebook…</source>
            <translation>새 노트북(&amp;B)…</translation>
        </message>
        <message>
            <source>Open the &amp;sample notebooks</source>
            <translation>예제 노트북 열기(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Edit note…</source>
            <translation>노트 편집(&amp;E)…</translation>
        </message>
        <message>
            <source>Edit the selected note's cells</source>
            <translation>선택한 노트의 셀 편집</translation>
        </message>
        <message>
            <source>Note &amp;history…</source>
            <translation>노트 기록(&amp;H)…</translation>
        </message>
        <message>
            <source>Earlier versions of the note's edited text and answers</source>
            <translation>노트의 텍스트와 답변의 이전 버전</translation>
        </message>
        <message>
            <source>&amp;Toggle answered / open</source>
            <translation>답변 완료 / 미해결 전환(&amp;T)</translation>
        </message>
        <message>
            <source>Space in the question list</source>
            <translation>질문 목록에서 Space</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>찾기(&amp;F)…</translation>
        </message>
        <message>
            <source>Re&amp;name…</source>
            <translation>이름 바꾸기(&amp;N)…</translation>
        </message>
        <message>
            <source>The selected note or notebook</source>
            <translation>선택한 노트나 노트북</translation>
        </message>
        <message>
            <source>&amp;Delete note or notebook</source>
            <translation>노트나 노트북 삭제(&amp;D)</translation>
        </message>
        <message>
            <source>Undo brings it back</source>
            <translation>실행 취소로 되돌릴 수 있습니다</translation>
        </message>
        <message>
            <source>Deleted notes and notebooks…</source>
            <translation>삭제한 노트와 노트북…</translation>
        </message>
        <message>
            <source>Bring back what was deleted, with its questions and history</source>
            <translation>삭제한 것을 질문과 기록까지 함께 되살립니다</translation>
        </message>
        <message>
            <source>&amp;Notebook</source>
            <translation>노트북(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Rename notebook…</source>
            <translation>노트북 이름 바꾸기(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Schedule (start date, days per week)…</source>
            <translation>일정 (시작일, 주당 공부일)(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;People (instructors, merged names)…</source>
            <translation>사람 (강사, 합친 이름)(&amp;P)…</translation>
        </message>
        <message>
            <source>Who the notebook's instructors are, and which chat names are one person</source>
            <translation>노트북의 강사가 누구인지, 어떤 채팅 이름이 같은 사람인지</translation>
        </message>
        <message>
            <source>&amp;Delete notebook…</source>
            <translation>노트북 삭제(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>뒤로(&amp;B)</translation>
        </message>
        <message>
            <source>The selection before this one</source>
            <translation>이전에 선택한 항목</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation>앞으로(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Larger text</source>
            <translation>글자 크게(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Smaller text</source>
            <translation>글자 작게(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>원래 크기(&amp;A)</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>테마</translation>
        </message>
        <message>
            <source>Follow the &amp;system</source>
            <translation>시스템 설정 따르기(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>밝게(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>어둡게(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Command palette…</source>
            <translation>명령 팔레트(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>단축키(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About studynotes</source>
            <translation>studynotes 정보(&amp;A)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>기본</translation>
        </message>
    </context>
    <context>
        <name>NoteEditor</name>
        <message>
            <source>Only a paragraph or list item can become a question</source>
            <translation>문단이나 목록 항목만 질문이 될 수 있습니다</translation>
        </message>
    </context>
    <context>
        <name>Notebooks</name>
        <message>
            <source>New notebook</source>
            <translation>새 노트북</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>제목:</translation>
        </message>
        <message>
            <source>Select a notebook to rename</source>
            <translation>이름을 바꿀 노트북을 선택하세요</translation>
        </message>
        <message>
            <source>Rename notebook</source>
            <translation>노트북 이름 바꾸기</translation>
        </message>
        <message>
            <source>Select a notebook first</source>
            <translation>먼저 노트북을 선택하세요</translation>
        </message>
    </context>
    <context>
        <name>Notes</name>
        <message>
            <source>Select a notebook, week or lecture for the new note</source>
            <translation>새 노트를 넣을 노트북, 주차, 강을 선택하세요</translation>
        </message>
        <message>
            <source>New note</source>
            <translation>새 노트</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>제목:</translation>
        </message>
        <message>
            <source>Rename note</source>
            <translation>노트 이름 바꾸기</translation>
        </message>
        <message>
            <source>Select a note or a notebook to delete</source>
            <translation>삭제할 노트나 노트북을 선택하세요</translation>
        </message>
        <message>
            <source>Select a notebook to delete</source>
            <translation>삭제할 노트북을 선택하세요</translation>
        </message>
        <message>
            <source>Delete notebook</source>
            <translation>노트북 삭제</translation>
        </message>
        <message>
            <source>Delete the notebook “{title}” with its {notes} and {questions}?

Undo brings it back, and so does Edit → Deleted notes and notebooks.</source>
            <translation>노트북 “{title}”을 {notes}, {questions}와 함께 삭제할까요?

실행 취소나 편집 → 삭제한 노트와 노트북에서 되살릴 수 있습니다.</translation>
        </message>
        <message>
            <source>Deleted the notebook “{title}” · Undo brings it back</source>
            <translation>노트북 “{title}” 삭제함 · 실행 취소로 되돌릴 수 있습니다</translation>
        </message>
        <message>
            <source>Deleted “{title}” · Undo brings it back</source>
            <translation>“{title}” 삭제함 · 실행 취소로 되돌릴 수 있습니다</translation>
        </message>
    </context>
    <context>
        <name>Overview</name>
        <message>
            <source>no questions</source>
            <translation>질문 없음</translation>
        </message>
        <message>
            <source>{open} open / {total}</source>
            <translation>미해결 {open} / {total}</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>정하지 않음</translation>
        </message>
        <message>
            <source>{declared} (weeks counted from {monday})</source>
            <translation>{declared} · 주차는 {monday}부터</translation>
        </message>
        <message>
            <source>Starts {start}</source>
            <translation>시작 {start}</translation>
        </message>
    </context>
    <context>
        <name>PeopleDialog</name>
        <message>
            <source>People of {notebook}</source>
            <translation>{notebook}의 사람</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>Asked</source>
            <translation>질문</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>답변</translation>
        </message>
        <message>
            <source>Instructor</source>
            <translation>강사</translation>
        </message>
        <message>
            <source>Same person as</source>
            <translation>같은 사람</translation>
        </message>
        <message>
            <source>A name not listed (an instructor who has not answered yet)</source>
            <translation>목록에 없는 이름 (아직 답변하지 않은 강사)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>추가</translation>
        </message>
        <message>
            <source>Tick the instructors or mentors: their answers count as the instructor's. Choose another name under “Same person as” to merge a name into it.</source>
            <translation>강사나 멘토를 체크하세요. 그들의 답변은 강사 답변으로 셉니다. “같은 사람”에서 다른 이름을 고르면 그 이름으로 합칩니다.</translation>
        </message>
        <message>
            <source>Select a notebook first</source>
            <translation>먼저 노트북을 선택하세요</translation>
        </message>
    </context>
    <context>
        <name>Prepare</name>
        <message>
            <source>Prepare for the meeting — {title}</source>
            <translation>모임 준비 — {title}</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>내 답변</translation>
        </message>
        <message>
            <source>Your answer (Markdown, $formulas$)…</source>
            <translation>내 답변 (마크다운, $수식$)…</translation>
        </message>
        <message>
            <source>Save answer, mark answered (Ctrl+Enter)</source>
            <translation>답변 저장, 답변 완료로 표시 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Mark answered</source>
            <translation>답변 완료로 표시</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>이전</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>건너뛰기</translation>
        </message>
        <message>
            <source>Write an answer first, or use Mark answered</source>
            <translation>먼저 답변을 쓰거나 ‘답변 완료로 표시’를 누르세요</translation>
        </message>
        <message>
            <source>Answer question</source>
            <translation>질문에 답변</translation>
        </message>
        <message>
            <source>{title}: {count} answered · Esc closes</source>
            <translation>{title}: {count}개 답변 · Esc로 닫기</translation>
        </message>
        <message>
            <source>{questions} answered.</source>
            <translation>{questions}에 답변했습니다.</translation>
        </message>
        <message>
            <source>Nothing answered this time.</source>
            <translation>이번에는 답변한 질문이 없습니다.</translation>
        </message>
        <message>
            <source>{questions} still open here.</source>
            <translation>여기에 아직 미해결 {questions}가 있습니다.</translation>
        </message>
        <message>
            <source>No open questions left here.</source>
            <translation>여기에는 미해결 질문이 남아 있지 않습니다.</translation>
        </message>
        <message>
            <source>{title}: open question {position} of {total}</source>
            <translation>{title}: 미해결 질문 {total}개 중 {position}번째</translation>
        </message>
        <message>
            <source> · answered now</source>
            <translation> · 방금 답변함</translation>
        </message>
    </context>
    <context>
        <name>Preview</name>
        <message>
            <source>This note could not be shown: {error}</source>
            <translation>이 노트를 보여 줄 수 없습니다: {error}</translation>
        </message>
        <message>
            <source>This part of the page could not be shown: {error}</source>
            <translation>페이지의 이 부분을 보여 줄 수 없습니다: {error}</translation>
        </message>
        <message>
            <source>Loading preview…</source>
            <translation>미리보기 불러오는 중…</translation>
        </message>
        <message>
            <source>Nested too deeply to lay out; shown as text.</source>
            <translation>너무 깊게 중첩되어 배치할 수 없어 텍스트로 보여 줍니다.</translation>
        </message>
        <message>
            <source>Opens in your browser</source>
            <translation>브라우저에서 열립니다</translation>
        </message>
        <message>
            <source>The image was not found when the file was imported</source>
            <translation>파일을 가져올 때 이미지를 찾지 못했습니다</translation>
        </message>
        <message>
            <source>Opens with your system&apos;s viewer</source>
            <translation>시스템 기본 프로그램으로 엽니다</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Preview</source>
            <translation>미리보기</translation>
        </message>
    </context>
    <context>
        <name>QuestionCorrections</name>
        <message>
            <source>This is not a paragraph or list item of the note</source>
            <translation>노트의 문단이나 목록 항목이 아닙니다</translation>
        </message>
    </context>
    <context>
        <name>QuestionDetailsDialog</name>
        <message>
            <source>Question details</source>
            <translation>질문 정보</translation>
        </message>
        <message>
            <source>none</source>
            <translation>없음</translation>
        </message>
        <message>
            <source>e.g. 35:50 or 1:02:03</source>
            <translation>예: 35:50 또는 1:02:03</translation>
        </message>
        <message>
            <source>Asked by</source>
            <translation>질문자</translation>
        </message>
        <message>
            <source>Lecture</source>
            <translation>강</translation>
        </message>
        <message>
            <source>Slide page</source>
            <translation>슬라이드 쪽</translation>
        </message>
        <message>
            <source>Video time</source>
            <translation>영상 시간</translation>
        </message>
    </context>
    <context>
        <name>QuestionList</name>
        <message>
            <source>Question</source>
            <translation>질문</translation>
        </message>
        <message>
            <source>Asker</source>
            <translation>질문자</translation>
        </message>
        <message>
            <source>Lecture</source>
            <translation>강</translation>
        </message>
        <message>
            <source>Page / time</source>
            <translation>쪽 / 시간</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>미해결</translation>
        </message>
        <message>
            <source>Answered by the instructor</source>
            <translation>강사 답변 완료</translation>
        </message>
        <message>
            <source>Answered by a classmate</source>
            <translation>동료 답변 완료</translation>
        </message>
        <message>
            <source>Marked answered by you</source>
            <translation>내가 답변 완료로 표시</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>답변 완료</translation>
        </message>
    </context>
    <context>
        <name>QuestionPanel</name>
        <message>
            <source>All</source>
            <translation>전체</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>미해결</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>답변 완료</translation>
        </message>
        <message>
            <source>Show questions</source>
            <translation>질문 보기</translation>
        </message>
        <message>
            <source>Asker</source>
            <translation>질문자</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>질문 목록</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>모든 사람</translation>
        </message>
        <message>
            <source>{shown} shown · {open} open / {total}</source>
            <translation>{shown}개 표시 · 미해결 {open} / {total}</translation>
        </message>
        <message>
            <source>No questions here</source>
            <translation>여기에는 질문이 없습니다</translation>
        </message>
    </context>
    <context>
        <name>QuestionTableModel</name>
        <message>
            <source>Status: ✓ answered, ○ open (Space toggles)</source>
            <translation>상태: ✓ 답변 완료, ○ 미해결 (Space로 전환)</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>Review — {title}</source>
            <translation>복습 — {title}</translation>
        </message>
        <message>
            <source>Show answer (Space)</source>
            <translation>답변 보기 (Space)</translation>
        </message>
        <message>
            <source>{title}: {count} reviewed · Esc closes</source>
            <translation>{title}: {count}개 복습 · Esc로 닫기</translation>
        </message>
        <message>
            <source>{questions} reviewed.</source>
            <translation>{questions}를 복습했습니다.</translation>
        </message>
        <message>
            <source>Nothing was due in {title}.</source>
            <translation>{title}에는 복습할 질문이 없었습니다.</translation>
        </message>
        <message>
            <source>{count} still due here.</source>
            <translation>여기에 복습할 질문이 {count}개 남았습니다.</translation>
        </message>
        <message>
            <source>Nothing else is due here now.</source>
            <translation>지금은 여기에 더 복습할 질문이 없습니다.</translation>
        </message>
        <message>
            <source>{title}: {position} of {total}</source>
            <translation>{title}: {total}개 중 {position}번째</translation>
        </message>
        <message>
            <source> · new</source>
            <translation> · 새 질문</translation>
        </message>
        <message>
            <source> · Space shows the answer</source>
            <translation> · Space로 답변 보기</translation>
        </message>
        <message>
            <source>learning</source>
            <translation>학습 중</translation>
        </message>
        <message>
            <source>relearning</source>
            <translation>다시 학습 중</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Again</source>
            <translation>다시</translation>
        </message>
        <message>
            <source>Hard</source>
            <translation>어려움</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>알맞음</translation>
        </message>
        <message>
            <source>Easy</source>
            <translation>쉬움</translation>
        </message>
        <message>
            <source>{count} min</source>
            <translation>{count}분</translation>
        </message>
        <message>
            <source>{count} h</source>
            <translation>{count}시간</translation>
        </message>
        <message>
            <source>{count} d</source>
            <translation>{count}일</translation>
        </message>
        <message>
            <source>{count} mo</source>
            <translation>{count}개월</translation>
        </message>
        <message>
            <source>{count} y</source>
            <translation>{count}년</translation>
        </message>
        <message>
            <source>{title}: done</source>
            <translation>{title}: 완료</translation>
        </message>
        <message>
            <source>This question's note was deleted.</source>
            <translation>이 질문이 있던 노트가 삭제되었습니다.</translation>
        </message>
        <message>
            <source>Gone</source>
            <translation>삭제됨</translation>
        </message>
    </context>
    <context>
        <name>Search</name>
        <message>
            <source>Nothing found</source>
            <translation>찾은 것이 없습니다</translation>
        </message>
        <message>
            <source>The first {count} of about {about} results · add a word to narrow</source>
            <translation>약 {about}개 결과 중 처음 {count}개 · 단어를 더해 좁혀 보세요</translation>
        </message>
        <message>
            <source>The first {count} results · add a word to narrow</source>
            <translation>처음 {count}개 결과 · 단어를 더해 좁혀 보세요</translation>
        </message>
        <message>
            <source>Search notes and questions ({shortcut})</source>
            <translation>노트와 질문 검색 ({shortcut})</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>검색</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>검색 결과</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>question</source>
            <translation>질문</translation>
        </message>
        <message>
            <source>text</source>
            <translation>텍스트</translation>
        </message>
    </context>
    <context>
        <name>Study</name>
        <message>
            <source>&amp;Review due questions</source>
            <translation>복습할 질문 복습하기(&amp;R)</translation>
        </message>
        <message>
            <source>Review the selection's due questions (1–4 rate)</source>
            <translation>선택한 곳의 복습할 질문 복습 (1–4로 평가)</translation>
        </message>
        <message>
            <source>&amp;Prepare for the meeting</source>
            <translation>모임 준비(&amp;P)</translation>
        </message>
        <message>
            <source>Go through the selection's open questions and answer them</source>
            <translation>선택한 곳의 미해결 질문을 차례로 보며 답변하기</translation>
        </message>
        <message>
            <source>Export to &amp;Anki…</source>
            <translation>Anki로 내보내기(&amp;A)…</translation>
        </message>
        <message>
            <source>The selection's questions as an .apkg</source>
            <translation>선택한 곳의 질문을 .apkg로</translation>
        </message>
        <message>
            <source>&amp;Study</source>
            <translation>공부(&amp;S)</translation>
        </message>
        <message>
            <source>{count} due</source>
            <translation>복습 {count}개</translation>
        </message>
        <message>
            <source>nothing due</source>
            <translation>복습할 것 없음</translation>
        </message>
        <message>
            <source>Answered questions of the selection due for review (Ctrl+R)</source>
            <translation>선택한 곳에서 복습할 때가 된 답변 완료 질문 (Ctrl+R)</translation>
        </message>
        <message>
            <source>Select a notebook, week, lecture or note first</source>
            <translation>먼저 노트북, 주차, 강, 노트 중 하나를 선택하세요</translation>
        </message>
        <message>
            <source> week {number}</source>
            <translation> {number}주차</translation>
        </message>
        <message>
            <source>Export to Anki</source>
            <translation>Anki로 내보내기</translation>
        </message>
        <message>
            <source>Anki package (*.apkg)</source>
            <translation>Anki 패키지 (*.apkg)</translation>
        </message>
        <message>
            <source>Exported {questions} to {file}</source>
            <translation>{questions}를 {file}(으)로 내보냈습니다</translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <source>sync failed</source>
            <translation>동기화 실패</translation>
        </message>
        <message>
            <source>Sync status</source>
            <translation>동기화 상태</translation>
        </message>
        <message>
            <source>Sync: not set up</source>
            <translation>동기화: 설정 안 됨</translation>
        </message>
        <message>
            <source>Sync: ready</source>
            <translation>동기화: 준비됨</translation>
        </message>
        <message>
            <source>select a notebook to sync</source>
            <translation>동기화할 노트북을 선택하세요</translation>
        </message>
        <message>
            <source>Sync with a git repository</source>
            <translation>git 저장소와 동기화</translation>
        </message>
        <message>
            <source>Where the group keeps “{notebook}” (a git URL, or a folder):</source>
            <translation>모임이 “{notebook}”을 보관하는 곳 (git URL 또는 폴더):</translation>
        </message>
        <message>
            <source>Syncing {notebook}…</source>
            <translation>{notebook} 동기화 중…</translation>
        </message>
        <message>
            <source>Synced {notebook} at {time}</source>
            <translation>{time}에 {notebook} 동기화함</translation>
        </message>
        <message>
            <source>Offline: changes are kept and sent next time</source>
            <translation>오프라인: 바뀐 내용은 보관했다가 다음에 보냅니다</translation>
        </message>
        <message>
            <source>Sync failed</source>
            <translation>동기화 실패</translation>
        </message>
        <message>
            <source>Sync failed: {message}</source>
            <translation>동기화 실패: {message}</translation>
        </message>
        <message>
            <source>Sync settings</source>
            <translation>동기화 설정</translation>
        </message>
        <message>
            <source> min</source>
            <translation>분</translation>
        </message>
        <message>
            <source>Remote of this notebook</source>
            <translation>이 노트북의 원격 저장소</translation>
        </message>
        <message>
            <source>Sync every</source>
            <translation>동기화 간격</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>충돌</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>내 것</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>상대 것</translation>
        </message>
        <message>
            <source>Mine (edit to merge)</source>
            <translation>내 것 (고쳐서 합치기)</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>내 것 유지</translation>
        </message>
        <message>
            <source>Take theirs</source>
            <translation>상대 것 받기</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>둘 다 유지</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>the text</source>
            <translation>텍스트</translation>
        </message>
        <message>
            <source>the {field}</source>
            <translation>{field}</translation>
        </message>
        <message>
            <source>No conflicts: every sync merged cleanly.</source>
            <translation>충돌 없음: 모든 동기화가 깔끔하게 합쳐졌습니다.</translation>
        </message>
        <message>
            <source>S&amp;ync now</source>
            <translation>지금 동기화(&amp;Y)</translation>
        </message>
        <message>
            <source>Commit, merge and push</source>
            <translation>커밋, 병합, 푸시</translation>
        </message>
        <message>
            <source>Sync se&amp;ttings…</source>
            <translation>동기화 설정(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Conflicts…</source>
            <translation>충돌(&amp;C)…</translation>
        </message>
        <message>
            <source>Texts both sides edited</source>
            <translation>양쪽에서 고친 텍스트</translation>
        </message>
    </context>
    <context>
        <name>Tree</name>
        <message>
            <source>Unsorted</source>
            <translation>미분류</translation>
        </message>
        <message>
            <source>Notes with no week yet: drag them onto a week</source>
            <translation>아직 주차가 없는 노트: 주차로 끌어다 놓으세요</translation>
        </message>
        <message>
            <source>notebook</source>
            <translation>노트북</translation>
        </message>
        <message>
            <source>week</source>
            <translation>주차</translation>
        </message>
        <message>
            <source>unsorted notes</source>
            <translation>미분류 노트</translation>
        </message>
        <message>
            <source>lecture</source>
            <translation>강</translation>
        </message>
        <message>
            <source>note</source>
            <translation>노트</translation>
        </message>
        <message>
            <source>{open} open / {total}</source>
            <translation>미해결 {open} / {total}</translation>
        </message>
        <message>
            <source> · {due} due</source>
            <translation> · 복습 {due}</translation>
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <source>Mark answered</source>
            <translation>답변 완료로 표시</translation>
        </message>
        <message>
            <source>Mark open</source>
            <translation>미해결로 표시</translation>
        </message>
        <message>
            <source>Edit question</source>
            <translation>질문 고치기</translation>
        </message>
        <message>
            <source>New note</source>
            <translation>새 노트</translation>
        </message>
        <message>
            <source>Rename note</source>
            <translation>노트 이름 바꾸기</translation>
        </message>
        <message>
            <source>Move note</source>
            <translation>노트 옮기기</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>노트 삭제</translation>
        </message>
        <message>
            <source>Restore note</source>
            <translation>노트 복원</translation>
        </message>
        <message>
            <source>New notebook</source>
            <translation>새 노트북</translation>
        </message>
        <message>
            <source>Remove notebook</source>
            <translation>노트북 제거</translation>
        </message>
        <message>
            <source>Rename notebook</source>
            <translation>노트북 이름 바꾸기</translation>
        </message>
        <message>
            <source>Change schedule</source>
            <translation>일정 바꾸기</translation>
        </message>
        <message>
            <source>Edit text</source>
            <translation>텍스트 편집</translation>
        </message>
        <message>
            <source>Add question</source>
            <translation>질문 추가</translation>
        </message>
        <message>
            <source>Add text</source>
            <translation>텍스트 추가</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>옮기기</translation>
        </message>
        <message>
            <source>Not a question</source>
            <translation>질문 아님</translation>
        </message>
        <message>
            <source>Answer question</source>
            <translation>질문에 답변</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome to studynotes</source>
            <translation>studynotes에 오신 것을 환영합니다</translation>
        </message>
        <message>
            <source>Bring in what your study group wrote: lecture chat logs, Notion question boards and minutes, programme pages, Day N study logs. Everything stays in one file on this computer.</source>
            <translation>스터디 모임이 쓴 것을 가져오세요: 강의 채팅 기록, Notion 질문 게시판과 회의록, 커리큘럼 페이지, Day N 공부 기록. 모든 것이 이 컴퓨터의 파일 하나에 남습니다.</translation>
        </message>
        <message>
            <source>&amp;Import files…</source>
            <translation>파일 가져오기(&amp;I)…</translation>
        </message>
        <message>
            <source>Open the &amp;sample notebooks</source>
            <translation>예제 노트북 열기(&amp;S)</translation>
        </message>
    </context>
</TS>
