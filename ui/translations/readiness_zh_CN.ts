<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionPlanPage</name>
    <message>
        <location filename="../pages/action_plan.py" line="113"/>
        <source>Market filter</source>
        <translation>市场筛选</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="128"/>
        <source>Market:</source>
        <translation>市场：</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="143"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="179"/>
        <source>Action plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="232"/>
        <source>All markets</source>
        <translation>全部市场</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="72"/>
        <source>Do-now actions come first, then each action after what it needs. Double-click an owner, due date or status to edit it; changes are saved at once. Figures in italics are your own.</source>
        <translation>先列出需立即着手的事项，其余行动排在其前置事项之后。双击负责人、截止日期或状态即可修改，修改立即保存。斜体数字为您自己填写的。</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="87"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="88"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="115"/>
        <source>Owner filter</source>
        <translation>按负责人筛选</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="117"/>
        <source>Status filter</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="118"/>
        <source>Overdue only</source>
        <translation>只看已逾期</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="129"/>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="130"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="140"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="145"/>
        <source>Export due dates (.ics)…</source>
        <translation>导出截止日期（.ics）…</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="146"/>
        <source>One calendar event per open action on its due date</source>
        <translation>每项未完成的行动在其截止日生成一个日历事件</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="165"/>
        <source>Show overdue</source>
        <translation>查看逾期事项</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="169"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="233"/>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="234"/>
        <source>Nobody yet</source>
        <translation>尚未指定</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="235"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="260"/>
        <source>%1 actions</source>
        <translation>共 %1 项行动</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="357"/>
        <source>Slack (days): %1</source>
        <translation>富余（天）：%1</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="358"/>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="363"/>
        <source>critical path</source>
        <translation>关键路径</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="364"/>
        <source>other actions (thin line: slack)</source>
        <translation>其他行动（细线：富余时间）</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="365"/>
        <source>after entry</source>
        <translation>进入市场后</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="366"/>
        <source>done or dropped</source>
        <translation>已完成或已取消</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="368"/>
        <source>Market entry: dashed line planned, solid line earliest realistic:</source>
        <translation>进入市场：虚线为计划日期，实线为最早可行日期：</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="383"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="406"/>
        <source>%1 actions are overdue and %2 are due within 14 days.</source>
        <translation>有 %1 项行动已逾期，另有 %2 项将在 14 天内到期。</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="411"/>
        <source>%1 actions are overdue.</source>
        <translation>有 %1 项行动已逾期。</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="413"/>
        <source>%1 actions are due within 14 days.</source>
        <translation>有 %1 项行动将在 14 天内到期。</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="427"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="428"/>
        <location filename="../pages/action_plan.py" line="457"/>
        <source>action-plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="445"/>
        <location filename="../pages/action_plan.py" line="484"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="448"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="456"/>
        <source>Export due dates</source>
        <translation>导出截止日期</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="458"/>
        <source>Calendar (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location filename="../pages/action_plan.py" line="490"/>
        <source>Exported %1 due dates to %2</source>
        <translation>已将 %1 个截止日期导出到 %2</translation>
    </message>
</context>
<context>
    <name>AddMarketsDialog</name>
    <message>
        <location filename="../pages/company.py" line="243"/>
        <source>Add target markets</source>
        <translation>添加目标市场</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../dialogs/team.py" line="45"/>
        <source>Add team member</source>
        <translation>添加团队成员</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="49"/>
        <source>e.g. Chen Jie 陈杰</source>
        <translation>例如 Chen Jie 陈杰</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="63"/>
        <source>Login:</source>
        <translation>登录账号：</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="64"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="65"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="66"/>
        <source>Company (firm users):</source>
        <translation>所属企业（企业用户）：</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="67"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="68"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="85"/>
        <source>Give the member&apos;s login name.</source>
        <translation>请填写成员的登录账号。</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="87"/>
        <source>Give the member&apos;s password.</source>
        <translation>请填写成员的密码。</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="89"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="91"/>
        <source>A firm user belongs to a company; add the company first.</source>
        <translation>企业用户必须属于一家企业；请先添加该企业。</translation>
    </message>
</context>
<context>
    <name>AnswerHistoryDialog</name>
    <message>
        <location filename="../dialogs/answer_history.py" line="42"/>
        <source>company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="44"/>
        <source>History of %1 (%2)</source>
        <translation>%1（%2）的修改记录</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="47"/>
        <source>Reading the history…</source>
        <translation>正在读取修改记录…</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="60"/>
        <source>Put this version back</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="64"/>
        <source>Saves the chosen version&apos;s answer, note and evidence; Undo takes it back.</source>
        <translation>保存所选版本的答案、备注和证明材料；可用“撤销”取消。</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="101"/>
        <source>%1 change(s), newest first. Choose one to put it back.</source>
        <translation>共 %1 次修改，最新的在前。选择一个版本即可恢复。</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="105"/>
        <source>No change of this answer is recorded yet.</source>
        <translation>此答案尚无修改记录。</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="139"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../dialogs/answer_history.py" line="141"/>
        <source>Every change of this answer; put one back</source>
        <translation>此答案的每次修改；可恢复其中一个版本</translation>
    </message>
</context>
<context>
    <name>AnswerRow</name>
    <message>
        <location filename="../pages/question_card.py" line="84"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="84"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="87"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="88"/>
        <source>Don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="106"/>
        <source>Clear answer</source>
        <translation>清除答案</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="109"/>
        <source>Remove this answer (Delete)</source>
        <translation>删除此答案（Delete 键）</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="114"/>
        <source>Review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="119"/>
        <source>This question changed since it was answered: check the answer and give it again (picking the same answer confirms it).</source>
        <translation>此题在您作答后已有修改：请核对答案并重新作答（再次选择相同的答案即表示确认）。</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="145"/>
        <source>Note (saved when you leave the field)</source>
        <translation>备注（离开输入框时自动保存）</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="146"/>
        <source>Note for %1</source>
        <translation>%1 的备注</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="152"/>
        <source>Evidence files</source>
        <translation>证明材料文件</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="192"/>
        <source>Saving… %1</source>
        <translation>正在保存… %1</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="206"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="209"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="220"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="222"/>
        <source>Changed by %1 · %2</source>
        <translation>修改人 %1 · %2</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="225"/>
        <source>Version %1 of this answer</source>
        <translation>此答案的第 %1 版</translation>
    </message>
</context>
<context>
    <name>AnswerSaves</name>
    <message>
        <location filename="../answer_saves.py" line="138"/>
        <source>no answer</source>
        <translation>无答案</translation>
    </message>
    <message>
        <location filename="../answer_saves.py" line="214"/>
        <source>Kept your colleague&apos;s change</source>
        <translation>已保留同事的修改</translation>
    </message>
    <message>
        <location filename="../answer_saves.py" line="219"/>
        <source>Saved %1 at %2</source>
        <translation>已于 %2 保存 %1</translation>
    </message>
</context>
<context>
    <name>AssessmentActions</name>
    <message>
        <location filename="../assessment_actions.py" line="79"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="81"/>
        <source>D&amp;uplicate as re-assessment…</source>
        <translation>复制为再评估(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="83"/>
        <location filename="../assessment_actions.py" line="109"/>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="85"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="88"/>
        <source>&amp;Companies…</source>
        <translation>企业名录(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="109"/>
        <source>Un&amp;archive</source>
        <translation>取消归档(&amp;A)</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="162"/>
        <source>Rename assessment</source>
        <translation>重命名评估</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="163"/>
        <source>New title:</source>
        <translation>新标题：</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="175"/>
        <source>Rename “%1”</source>
        <translation>重命名“%1”</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="180"/>
        <source>Renamed to “%1”</source>
        <translation>已重命名为“%1”</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="190"/>
        <source>Archive “%1”</source>
        <translation>归档“%1”</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="190"/>
        <source>Unarchive “%1”</source>
        <translation>取消归档“%1”</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="200"/>
        <source>Archived “%1”: tick “Show archived” to see it</source>
        <translation>已归档“%1”：勾选“显示已归档”即可查看</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="202"/>
        <source>“%1” is back in the list</source>
        <translation>“%1”已回到列表中</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="213"/>
        <source>Duplicate as re-assessment</source>
        <translation>复制为再评估</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="215"/>
        <source>The new assessment starts with the same company, markets and answers; its history carries on from “%1”.

Title:</source>
        <translation>新评估沿用相同的企业、市场和答案；其历史记录接续“%1”。

标题：</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="230"/>
        <source>Re-assessment “%1” started</source>
        <translation>已开始再评估“%1”</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="243"/>
        <source>Delete assessment</source>
        <translation>删除评估</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="245"/>
        <source>Delete “%1” of %2?</source>
        <translation>删除 %2 的“%1”？</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="251"/>
        <source>Its %1 answers, its action plan and its %2 milestones are deleted. A backup is taken first, in %3.</source>
        <translation>其 %1 个答案、行动计划和 %2 个节点将被删除。删除前会先备份到 %3。</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="258"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../assessment_actions.py" line="279"/>
        <source>Deleted “%1”. The backup taken just before is %2</source>
        <translation>已删除“%1”。删除前的备份为 %2</translation>
    </message>
</context>
<context>
    <name>ColleagueCheck</name>
    <message>
        <location filename="../colleague_check.py" line="143"/>
        <source>the database cannot be read</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../colleague_check.py" line="146"/>
        <source>Cannot check for colleagues&apos; changes: %1 Retrying.</source>
        <translation>无法检查同事的修改：%1 正在重试。</translation>
    </message>
    <message>
        <location filename="../colleague_check.py" line="159"/>
        <source>Connected again</source>
        <translation>已重新连接</translation>
    </message>
    <message>
        <location filename="../colleague_check.py" line="168"/>
        <source>Updated with colleagues&apos; changes</source>
        <translation>已载入同事的修改</translation>
    </message>
    <message>
        <location filename="../colleague_check.py" line="169"/>
        <source>colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <location filename="../colleague_check.py" line="171"/>
        <source>One answer changed by %1</source>
        <translation>%1 修改了 1 个答案</translation>
    </message>
    <message>
        <location filename="../colleague_check.py" line="173"/>
        <source>%1 answers changed by %2</source>
        <translation>%2 修改了 %1 个答案</translation>
    </message>
</context>
<context>
    <name>CompaniesDialog</name>
    <message>
        <location filename="../dialogs/companies.py" line="48"/>
        <source>Companies</source>
        <translation>企业名录</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="54"/>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="66"/>
        <location filename="../dialogs/companies.py" line="132"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="67"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="68"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="116"/>
        <source>Only the team&apos;s administrators archive, merge or delete member firms.</source>
        <translation>只有团队管理员可以归档、合并或删除成员企业。</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="132"/>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="150"/>
        <source>Archived “%1”</source>
        <translation>已归档“%1”</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="150"/>
        <source>“%1” is back</source>
        <translation>“%1”已恢复</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="162"/>
        <source>Merge “%1”</source>
        <translation>合并“%1”</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="163"/>
        <source>Move its %1 assessments to:</source>
        <translation>将其 %1 个评估移到：</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="173"/>
        <source>Merged “%1” into “%2”. The backup taken just before is %3</source>
        <translation>已将“%1”合并到“%2”。合并前的备份为 %3</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="183"/>
        <source>Delete company</source>
        <translation>删除企业</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="185"/>
        <source>Delete “%1” with its %2 assessments and all their answers? A backup is taken first.</source>
        <translation>删除“%1”及其 %2 个评估和全部答案？删除前会先备份。</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="195"/>
        <source>Deleted “%1”. The backup taken just before is %3</source>
        <translation>已删除“%1”。删除前的备份为 %3</translation>
    </message>
    <message>
        <location filename="../dialogs/companies.py" line="202"/>
        <source>Taking a backup, then changing the register…</source>
        <translation>正在先做备份，然后修改企业名册…</translation>
    </message>
</context>
<context>
    <name>CompaniesModel</name>
    <message>
        <location filename="../models/companies.py" line="39"/>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../models/companies.py" line="39"/>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../models/companies.py" line="39"/>
        <source>Archived</source>
        <translation>归档日期</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <location filename="../pages/company.py" line="379"/>
        <source>Company profile (saved when you leave a field)</source>
        <translation>企业概况（离开输入框时自动保存）</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="383"/>
        <source>Company name:</source>
        <translation>企业名称：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="384"/>
        <source>Industry segment:</source>
        <translation>细分行业：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="385"/>
        <source>Products:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="386"/>
        <source>Home province:</source>
        <translation>所在省份：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="387"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="399"/>
        <source>Target markets (double-click a date to plan the entry)</source>
        <translation>目标市场（双击日期可设定计划进入日期）</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="404"/>
        <source>Target markets</source>
        <translation>目标市场</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="409"/>
        <source>Add markets…</source>
        <translation>添加市场…</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="411"/>
        <source>Budget currency and rates…</source>
        <translation>预算币种和汇率…</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../models/comparison.py" line="70"/>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="71"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="72"/>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="73"/>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="74"/>
        <source>Attractiveness</source>
        <translation>吸引力</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="75"/>
        <source>Earliest entry</source>
        <translation>最早可行进入</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="80"/>
        <source>Overall readiness, 0-100; ≈ marks a score resting mostly on don&apos;t-knows</source>
        <translation>总体准备度，0-100；“≈”表示该分数主要建立在“不知道”的回答上</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="81"/>
        <source>Readiness level, or Blocked when a critical question fails</source>
        <translation>准备度等级；关键问题未通过时为“受阻”</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="82"/>
        <source>Share of the questions that apply to the market that are answered</source>
        <translation>适用于该市场的问题中已回答的比例</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="84"/>
        <source>How far the score can be relied on: the share of questions answered with something other than don&apos;t know (high from 80%, medium from 50%)</source>
        <translation>分数的可信程度：回答不是“不知道”的问题所占比例（80% 起为高，50% 起为中等）</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="88"/>
        <source>How attractive the market is on its sourced facts (size, growth, duties, logistics, distance, risk), 0-100; no data when too few facts are known</source>
        <translation>依据有出处的市场数据（规模、增长、关税、物流、距离、风险）得出的市场吸引力，0-100；已知数据过少时显示“无数据”</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="92"/>
        <source>The earliest realistic entry: when every action needed before entry can be finished, each after what it needs</source>
        <translation>最早可行进入时间：进入前所需的每项行动（各自在其前置行动之后）都能完成的时间</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="148"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="149"/>
        <source>Medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="156"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="172"/>
        <source>%1 of %2 questions answered</source>
        <translation>已答 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="181"/>
        <source>%1% of the questions answered with something other than don&apos;t know</source>
        <translation>%1% 的问题回答不是“不知道”</translation>
    </message>
    <message>
        <location filename="../models/comparison.py" line="186"/>
        <source>Facts cover %1% of the attractiveness weight</source>
        <translation>市场数据覆盖吸引力权重的 %1%</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../dialogs/conflict.py" line="37"/>
        <source>Changed by a colleague</source>
        <translation>同事已修改</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="39"/>
        <source>Yours: %1. Keep yours (it replaces theirs) or theirs?</source>
        <translation>您的：%1。保留您的（将替换对方的）还是对方的？</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="44"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="46"/>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="55"/>
        <source>A colleague removed this meanwhile.</source>
        <translation>在此期间，一位同事删除了它。</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="56"/>
        <location filename="../dialogs/conflict.py" line="100"/>
        <source>A colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="64"/>
        <source>%1 changed this at %2 to %3.</source>
        <translation>%1 在 %2 把它改成了 %3。</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="79"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="80"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="81"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="82"/>
        <location filename="../dialogs/conflict.py" line="93"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="90"/>
        <source>no answer</source>
        <translation>无答案</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="92"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="95"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="102"/>
        <source>Theirs (%1)</source>
        <translation>对方的（%1）</translation>
    </message>
    <message>
        <location filename="../dialogs/conflict.py" line="103"/>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
</context>
<context>
    <name>ContentChangesDialog</name>
    <message>
        <location filename="../dialogs/content_changes.py" line="48"/>
        <source>The questionnaire has changed</source>
        <translation>问卷内容已更新</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="56"/>
        <source>This assessment was answered against questionnaire version %1; this version of the app uses %2. All your answers are kept: nothing is deleted or changed.</source>
        <translation>本评估是按问卷版本 %1 作答的，当前软件使用的是版本 %2。您的全部答案均已保留，没有任何删除或改动。</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="76"/>
        <source>Readiness per market, before and after:</source>
        <translation>各市场准备度（更新前后对比）：</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="82"/>
        <source>The content of version %1 is not known to this version of the app, so what changed cannot be listed. Your answers are kept as they are.</source>
        <translation>当前软件版本未收录问卷版本 %1 的内容，因此无法列出具体变化。您的答案保持原样。</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="91"/>
        <source>Update to %1</source>
        <translation>更新到 %1</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="96"/>
        <source>Record that you have seen these changes; this message will not come back</source>
        <translation>确认已查看上述变化；此提示不会再出现</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="99"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="107"/>
        <source>The assessment now uses questionnaire version %1</source>
        <translation>本评估已更新为问卷版本 %1</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="114"/>
        <source>%1 new questions, %2 removed (their answers are kept but no longer count), %3 changed (their answers are kept and marked “review” in the questionnaire until you answer them again).</source>
        <translation>新增 %1 题；删除 %2 题（答案保留，但不再计分）；修改 %3 题（答案保留，并在问卷中标为“待复核”，直到您重新作答）。</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="125"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="126"/>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="127"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="132"/>
        <source>wording</source>
        <translation>措辞</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="133"/>
        <source>answer levels</source>
        <translation>答案等级</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="134"/>
        <source>answer scale</source>
        <translation>作答方式</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="135"/>
        <source>company-wide or per market</source>
        <translation>按公司整体或按市场作答</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="136"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="137"/>
        <source>critical flag</source>
        <translation>关键题目标记</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="138"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="139"/>
        <source>markets it applies to</source>
        <translation>适用市场</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="140"/>
        <source>when it is asked</source>
        <translation>出题条件</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="141"/>
        <source>“not applicable” allowed</source>
        <translation>可否选“不适用”</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="151"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="151"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="151"/>
        <source>Markets</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="151"/>
        <source>Text</source>
        <translation>题目内容</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="158"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="163"/>
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="177"/>
        <source>%1 (blocked by %2)</source>
        <translation>%1（受阻于 %2）</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="185"/>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="185"/>
        <source>Before</source>
        <translation>更新前</translation>
    </message>
    <message>
        <location filename="../dialogs/content_changes.py" line="185"/>
        <source>After</source>
        <translation>更新后</translation>
    </message>
</context>
<context>
    <name>CoverFields</name>
    <message>
        <location filename="../dialogs/report_cover.py" line="55"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="57"/>
        <source>Summary only (at most four pages)</source>
        <translation>仅摘要（最多四页）</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="58"/>
        <source>Summary only</source>
        <translation>仅摘要</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="62"/>
        <source>Prepared for</source>
        <translation>报告对象</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="63"/>
        <source>Prepared for:</source>
        <translation>报告对象：</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="65"/>
        <source>Prepared by</source>
        <translation>编制方</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="66"/>
        <source>Prepared by:</source>
        <translation>编制方：</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="68"/>
        <source>e.g. Confidential: management only</source>
        <translation>例如：保密，仅限管理层</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="69"/>
        <source>Confidentiality line</source>
        <translation>保密声明</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="70"/>
        <source>Confidentiality:</source>
        <translation>保密声明：</translation>
    </message>
    <message>
        <location filename="../dialogs/report_cover.py" line="72"/>
        <source>Logo:</source>
        <translation>徽标：</translation>
    </message>
</context>
<context>
    <name>CustomMarket</name>
    <message>
        <location filename="../custom_markets.py" line="32"/>
        <source>Generic profile (%1)</source>
        <translation>通用概况（%1）</translation>
    </message>
    <message>
        <location filename="../custom_markets.py" line="41"/>
        <source>Generic profile: %1 is assessed with the questions of the nearest region, %2, with nothing specific to the country and no market facts</source>
        <translation>通用概况：%1按最接近的区域“%2”的问题评估，没有该国特有的要求，也没有市场数据</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../pages/dashboard.py" line="232"/>
        <source>Comparison of markets by dimension</source>
        <translation>各市场分维度对比</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="254"/>
        <source>Click a score to see that dimension&apos;s questions</source>
        <translation>点击分数可查看该维度的题目</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="268"/>
        <source>Number of top actions done</source>
        <translation>已完成的优先行动数</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="271"/>
        <source>What if the top actions are done:</source>
        <translation>若完成优先行动：</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="365"/>
        <source>Suggested order of entry: %1</source>
        <translation>建议的进入顺序：%1</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="368"/>
        <source>Budget of the plan: %1</source>
        <translation>计划预算：%1</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="371"/>
        <source>Budget of the plan: no action gives an effort or cost figure yet</source>
        <translation>计划预算：目前还没有行动给出工作量或费用数字</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="375"/>
        <source>Not counted, no exchange rate entered for %1: the costs of %2 actions</source>
        <translation>未计入：%2 项行动的费用（尚未填写 %1 的汇率）</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="398"/>
        <source>Readiness by dimension</source>
        <translation>各维度准备度</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="407"/>
        <source>Move the slider to see readiness after the top actions.</source>
        <translation>拖动滑块，查看完成优先行动后的准备度。</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="422"/>
        <source>Top %1 actions done: </source>
        <translation>完成前 %1 项行动后：</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../dialogs/database.py" line="86"/>
        <source>No system keyring is available to store the password for %1. Untick “Remember in the system keyring” to use it until you quit, or set PGPASSWORD or use ~/.pgpass instead.</source>
        <translation>没有可用的系统钥匙串来保存 %1 的密码。取消勾选“在系统钥匙串中记住密码”即可在本次运行期间使用该密码；也可以改用 PGPASSWORD 环境变量或 ~/.pgpass 文件。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="92"/>
        <source>The system keyring did not let the app use the password for %1. Unlock the keyring and try again, or set PGPASSWORD or use ~/.pgpass instead.</source>
        <translation>系统钥匙串不允许本应用使用 %1 的密码。请解锁钥匙串后重试，或改用 PGPASSWORD 环境变量或 ~/.pgpass 文件。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="97"/>
        <source>The server refused the password for %1. Check it and try again.</source>
        <translation>服务器拒绝了 %1 的密码。请检查后重试。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="100"/>
        <source>The server asks for a password for %1 and none is saved. Enter it under Settings &gt; Database, or set PGPASSWORD or use ~/.pgpass.</source>
        <translation>服务器要求 %1 的密码，但尚未保存任何密码。请在“设置 → 数据库”中输入，或使用 PGPASSWORD 环境变量或 ~/.pgpass 文件。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="105"/>
        <source>Nothing answers at the address of %1. Check the host and the port, and that PostgreSQL is running there.</source>
        <translation>%1 的地址没有响应。请检查主机和端口，并确认该处的 PostgreSQL 正在运行。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="110"/>
        <source>The server name in %1 is unknown. Check the spelling and the network.</source>
        <translation>无法识别 %1 中的服务器名称。请检查拼写和网络。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="114"/>
        <source>The server of %1 did not answer in time. Check the address, the network or the VPN.</source>
        <translation>%1 的服务器未能及时响应。请检查地址、网络或 VPN。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="118"/>
        <source>The server has no database of that name (%1). Check the name, or ask the server&apos;s administrator to create it.</source>
        <translation>服务器上没有该名称的数据库（%1）。请检查名称，或请服务器管理员创建该数据库。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="123"/>
        <source>The server has no user of that name (%1). Check the user name.</source>
        <translation>服务器上没有该名称的用户（%1）。请检查用户名。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="127"/>
        <source>The server let %1 in but refused access to the assessment tables. Ask the server&apos;s administrator to grant access (see the team mode guide).</source>
        <translation>服务器允许 %1 登录，但拒绝其访问评估数据表。请联系服务器管理员授予访问权限（见团队模式指南）。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="132"/>
        <source>The database of %1 needs an upgrade that only the owner of its tables may run. Ask the server&apos;s administrator to open it once with the owner&apos;s login.</source>
        <translation>%1 的数据库需要升级，而只有数据表的所有者才能执行升级。请服务器管理员用所有者的账号打开一次。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="137"/>
        <source>The address %1 names no user. Write it as postgresql+psycopg://user@host:5432/database.</source>
        <translation>地址 %1 中没有用户名。请写成 postgresql+psycopg://user@host:5432/database 的形式。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="145"/>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="170"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="179"/>
        <source>Where your assessments are stored:</source>
        <translation>评估数据的保存位置：</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="182"/>
        <source>This computer (a database file)</source>
        <translation>本机（数据库文件）</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="183"/>
        <source>Team server (PostgreSQL)</source>
        <translation>团队服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="194"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="215"/>
        <source>empty: use the saved password</source>
        <translation>留空：使用已保存的密码</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="216"/>
        <source>Remember in the system keyring</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="218"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="219"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="220"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="221"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="222"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="228"/>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="230"/>
        <source>Recorded on every answer and action as the person who changed it.</source>
        <translation>将作为修改人记录在每个回答和行动上。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="238"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="296"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="298"/>
        <source>Database files (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库文件 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="328"/>
        <source>Choose the database file.</source>
        <translation>请选择数据库文件。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="330"/>
        <source>%1 is a folder; choose a file in it.</source>
        <translation>%1 是文件夹；请选择其中的一个文件。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="333"/>
        <source>the host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="334"/>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="335"/>
        <source>the user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="339"/>
        <source>Fill in %1 of the team server.</source>
        <translation>请填写团队服务器的%1。</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="377"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../dialogs/database.py" line="406"/>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
</context>
<context>
    <name>DetailSaves</name>
    <message>
        <location filename="../detail_saves.py" line="118"/>
        <source>Kept your colleague&apos;s change</source>
        <translation>已保留同事的修改</translation>
    </message>
</context>
<context>
    <name>FactorsModel</name>
    <message>
        <location filename="../models/market_facts.py" line="179"/>
        <source>Factor</source>
        <translation>因素</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="179"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="179"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="179"/>
        <source>From</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="198"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../models/history.py" line="41"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="42"/>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="43"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="44"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="45"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="46"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="52"/>
        <source>cleared</source>
        <translation>已清除</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="53"/>
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="53"/>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../models/history.py" line="69"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../pages/history.py" line="50"/>
        <source>Save milestone…</source>
        <translation>保存节点…</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="53"/>
        <location filename="../pages/history.py" line="162"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="56"/>
        <location filename="../pages/history.py" line="163"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="61"/>
        <source>A milestone keeps today&apos;s answers so later reviews can show progress. Choose one to see what changed since the one before.</source>
        <translation>节点会保存当前的全部答案，便于日后复盘时对比进展。选中一个节点，即可查看它与上一个节点相比的变化。</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="70"/>
        <source>Saved milestones</source>
        <translation>已保存的节点</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="92"/>
        <source>Save milestone</source>
        <translation>保存节点</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="92"/>
        <source>Name, for example “Q1 review”:</source>
        <translation>名称，例如“一季度复盘”：</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="116"/>
        <source>Rename milestone</source>
        <translation>重命名节点</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="117"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="131"/>
        <source>Delete milestone</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="132"/>
        <source>Delete the milestone “%1”?</source>
        <translation>删除节点“%1”？</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="135"/>
        <source>The answers it kept leave the history; the answers of the assessment are not touched.</source>
        <translation>该节点保存的答案将从历史记录中移除；评估本身的答案不受影响。</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="139"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="177"/>
        <location filename="../pages/history.py" line="202"/>
        <location filename="../pages/history.py" line="205"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="195"/>
        <source>Where this re-assessment started from</source>
        <translation>本次再评估的起点</translation>
    </message>
    <message>
        <location filename="../pages/history.py" line="238"/>
        <source>Readiness over time</source>
        <translation>准备度变化趋势</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <location filename="../importing.py" line="33"/>
        <source>Already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <location filename="../importing.py" line="35"/>
        <source>“%1” is already in this database. What should the import do?</source>
        <translation>“%1”已在此数据库中。要如何导入？</translation>
    </message>
    <message>
        <location filename="../importing.py" line="40"/>
        <source>The assessment joins this company either way. Replace: the company takes the file&apos;s profile. Keep both: the company keeps its own profile. Cancel: nothing is imported.</source>
        <translation>无论选择哪一项，评估都会归入该企业。替换：企业采用文件中的概况。两者都保留：企业保留其原有概况。取消：不导入任何内容。</translation>
    </message>
    <message>
        <location filename="../importing.py" line="47"/>
        <source>Replace it: the file&apos;s answers take its place, after a backup. Keep both: the new one&apos;s title says it was imported today. Cancel: nothing is imported.</source>
        <translation>替换：先备份，再用文件中的答案取而代之。两者都保留：新评估的标题会注明今天导入。取消：不导入任何内容。</translation>
    </message>
    <message>
        <location filename="../importing.py" line="55"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../importing.py" line="59"/>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <location filename="../importing.py" line="80"/>
        <source>imported</source>
        <translation>导入于</translation>
    </message>
    <message>
        <location filename="../importing.py" line="96"/>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <location filename="../importing.py" line="101"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location filename="../importing.py" line="112"/>
        <source>Import assessment file</source>
        <translation>导入评估文件</translation>
    </message>
    <message>
        <location filename="../importing.py" line="114"/>
        <source>Assessment files (*.zip *.json)</source>
        <translation>评估文件 (*.zip *.json)</translation>
    </message>
    <message>
        <location filename="../importing.py" line="123"/>
        <source>Replaced “%1” with %2; the backup taken before is %3</source>
        <translation>已用 %2 替换“%1”；替换前的备份为 %3</translation>
    </message>
    <message>
        <location filename="../importing.py" line="132"/>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <location filename="../widgets/logo_field.py" line="21"/>
        <source>No logo</source>
        <translation>无徽标</translation>
    </message>
    <message>
        <location filename="../widgets/logo_field.py" line="22"/>
        <source>Logo file</source>
        <translation>徽标文件</translation>
    </message>
    <message>
        <location filename="../widgets/logo_field.py" line="23"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../widgets/logo_field.py" line="25"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../widgets/logo_field.py" line="46"/>
        <source>The logo must be a PNG, JPEG or SVG file.</source>
        <translation>徽标必须是 PNG、JPEG 或 SVG 文件。</translation>
    </message>
    <message>
        <location filename="../widgets/logo_field.py" line="48"/>
        <source>The logo file %1 does not exist.</source>
        <translation>徽标文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../widgets/logo_field.py" line="54"/>
        <source>Choose the logo</source>
        <translation>选择徽标</translation>
    </message>
    <message>
        <location filename="../widgets/logo_field.py" line="56"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="80"/>
        <source>Company &amp;&amp; markets</source>
        <translation>企业与市场</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="81"/>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="83"/>
        <source>Market facts</source>
        <translation>市场数据</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="84"/>
        <source>Action plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="85"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="110"/>
        <source>Change it in Settings &gt; Database…</source>
        <translation>在“设置 → 数据库”中更改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="119"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>&amp;New assessment…</source>
        <translation>新建评估(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126"/>
        <source>Open the &amp;sample assessment</source>
        <translation>打开样例评估(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127"/>
        <source>&amp;Home</source>
        <translation>首页(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>&amp;Portfolio of companies…</source>
        <translation>企业组合(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="133"/>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="135"/>
        <source>Export to E&amp;xcel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="137"/>
        <source>Export due &amp;dates (.ics)…</source>
        <translation>导出截止日期（.ics）(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="140"/>
        <source>Export assessment &amp;file…</source>
        <translation>导出评估文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143"/>
        <source>&amp;Import assessment file…</source>
        <translation>导入评估文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145"/>
        <source>Import &amp;market data…</source>
        <translation>导入市场数据(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159"/>
        <source>&amp;Find question</source>
        <translation>查找题目(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <source>&amp;Database…</source>
        <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>&amp;Attractiveness weights…</source>
        <translation>吸引力权重(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="181"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182"/>
        <source>How scores are &amp;made</source>
        <translation>评分方法(&amp;M)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184"/>
        <source>&amp;About %1</source>
        <translation>关于 %1(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339"/>
        <source>Assessment with evidence files (*.zip)</source>
        <translation>含证明材料的评估文件 (*.zip)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340"/>
        <source>Assessment file without evidence (*.json)</source>
        <translation>不含证明材料的评估文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="343"/>
        <source>Export assessment file</source>
        <translation>导出评估文件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="344"/>
        <source>assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="366"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../screenshots.py" line="119"/>
        <source>Import assessment file</source>
        <translation>导入评估文件</translation>
    </message>
    <message>
        <location filename="../screenshots.py" line="121"/>
        <source>Assessment files (*.zip *.json)</source>
        <translation>评估文件 (*.zip *.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="382"/>
        <source>Team server: %1 · you are %2</source>
        <translation>团队服务器：%1 · 您是 %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384"/>
        <source>This computer: %1</source>
        <translation>本机：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412"/>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Version %2&lt;/p&gt;&lt;p&gt;Assess whether your company is ready to sell in a foreign market, market by market, and what to do first.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;版本 %2&lt;/p&gt;&lt;p&gt;逐个市场评估贵公司是否已做好在海外市场销售的准备，并明确应当优先做什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="422"/>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="437"/>
        <source>How scores are made</source>
        <translation>评分方法</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="498"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>MarketCard</name>
    <message>
        <location filename="../pages/dashboard.py" line="93"/>
        <source>%1% of the questions answered with something other than don&apos;t know</source>
        <translation>%1% 的问题回答不是“不知道”</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="111"/>
        <source>%p% answered</source>
        <translation>已答 %p%</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="112"/>
        <source>Share of questions answered</source>
        <translation>已答题目比例</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="115"/>
        <source>Provisional: fewer than 80% answered</source>
        <translation>暂定：已答题目不足 80%</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="139"/>
        <source>Blocked by:</source>
        <translation>阻碍项：</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="144"/>
        <source>Click a question to answer it</source>
        <translation>点击问题即可作答</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="153"/>
        <source>not set</source>
        <translation>未设定</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="156"/>
        <source>Planned entry: %1</source>
        <translation>计划进入：%1</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="157"/>
        <source>Earliest realistic: %1</source>
        <translation>最早可行：%1</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="160"/>
        <source>%1 days late</source>
        <translation>比计划晚 %1 天</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="167"/>
        <source>The earliest realistic entry is when every action needed before entry can be finished, each after what it needs</source>
        <translation>最早可行的进入日期：进入前必须完成的每项行动（各自排在其前置事项之后）全部完成的日期</translation>
    </message>
    <message>
        <location filename="../pages/dashboard.py" line="170"/>
        <source>This market&apos;s share of the budget: %1</source>
        <translation>本市场分摊的预算：%1</translation>
    </message>
</context>
<context>
    <name>MarketFactsModel</name>
    <message>
        <location filename="../models/market_facts.py" line="31"/>
        <source>vehicles</source>
        <translation>辆</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="32"/>
        <source>(score 1-5)</source>
        <translation>（1-5分）</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="33"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="34"/>
        <source>nautical miles</source>
        <translation>海里</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="35"/>
        <source>(class 0-7)</source>
        <translation>（0-7级）</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="45"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="47"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="51"/>
        <source>right</source>
        <translation>靠右</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="53"/>
        <source>left</source>
        <translation>靠左</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="59"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="111"/>
        <source>Fact</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="112"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="113"/>
        <source>Of</source>
        <translation>所指</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="114"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="115"/>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="116"/>
        <source>Origin</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="128"/>
        <source>No sourced value is known for this market</source>
        <translation>该市场暂无有出处的数值</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="139"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="148"/>
        <source>Imported</source>
        <translation>用户导入</translation>
    </message>
    <message>
        <location filename="../models/market_facts.py" line="148"/>
        <source>Bundled</source>
        <translation>内置</translation>
    </message>
</context>
<context>
    <name>MarketFactsPage</name>
    <message>
        <location filename="../pages/market_facts.py" line="52"/>
        <source>Market:</source>
        <translation>市场：</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="54"/>
        <source>Market whose facts are shown</source>
        <translation>显示其数据的市场</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="59"/>
        <source>Attractiveness weights…</source>
        <translation>吸引力权重…</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="61"/>
        <source>Import market data…</source>
        <translation>导入市场数据…</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="63"/>
        <source>Add or refresh facts from a CSV file with the columns of the bundled tables</source>
        <translation>从与内置数据表列相同的 CSV 文件添加或更新市场数据</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="86"/>
        <source>Facts of the market</source>
        <translation>市场数据</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="92"/>
        <source>Attractiveness factors</source>
        <translation>吸引力因素</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="148"/>
        <source>%1: no market data (facts cover %2% of the attractiveness weight)</source>
        <translation>%1：无市场数据（数据覆盖吸引力权重的 %2%）</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="155"/>
        <source>%1: attractiveness %2 (facts cover %3% of the weight; oldest figure %4)</source>
        <translation>%1：吸引力 %2（数据覆盖 %3% 的权重；最早的数据截至 %4）</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="166"/>
        <source>Weights used: %1</source>
        <translation>所用权重：%1</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="186"/>
        <location filename="../pages/market_facts.py" line="236"/>
        <source>Import market data</source>
        <translation>导入市场数据</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="188"/>
        <source>Market data (*.csv)</source>
        <translation>市场数据 (*.csv)</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="204"/>
        <source>… and %1 more (see Show Details)</source>
        <translation>……另有 %1 项（见“显示详细信息”）</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="207"/>
        <source>Nothing was imported from %1:
%2</source>
        <translation>未从 %1 导入任何内容：
%2</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="216"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="221"/>
        <source>%1 rows saved for %2 (%3 replaced an earlier import).</source>
        <translation>已为 %2 保存 %1 行（其中 %3 行替换了之前导入的数据）。</translation>
    </message>
    <message>
        <location filename="../pages/market_facts.py" line="228"/>
        <source>Saved for markets no assessment has yet: %1</source>
        <translation>已保存，但尚无评估包含这些市场：%1</translation>
    </message>
</context>
<context>
    <name>MarketPicker</name>
    <message>
        <location filename="../pages/company.py" line="54"/>
        <source>Search markets (English or 中文)</source>
        <translation>搜索市场（中文或英文）</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="55"/>
        <source>Search markets</source>
        <translation>搜索市场</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="58"/>
        <source>Region filter</source>
        <translation>区域筛选</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="59"/>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="67"/>
        <source>Catalog markets</source>
        <translation>题库中的市场</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="80"/>
        <source>A market the catalog does not list</source>
        <translation>题库未收录的市场</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="83"/>
        <source>Custom market name in English</source>
        <translation>自定义市场英文名称</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="85"/>
        <source>Custom market name in Chinese</source>
        <translation>自定义市场中文名称</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="96"/>
        <source>Name in English:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="97"/>
        <source>Name in Chinese:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="102"/>
        <source>A custom market gets the generic questions of the region you pick as nearest, and no market facts; the app says so wherever it is shown.</source>
        <translation>自定义市场使用您所选最接近区域的通用问题，没有市场数据；凡显示该市场之处都会注明。</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="136"/>
        <source>Give the market a name in English and in Chinese.</source>
        <translation>请填写市场的英文和中文名称。</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="87"/>
        <source>Custom market code</source>
        <translation>自定义市场代码</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="88"/>
        <source>ISO code, e.g. VN</source>
        <translation>ISO 代码，如 VN</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="91"/>
        <source>Region profile to start from</source>
        <translation>参照的区域概况</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="94"/>
        <source>Add custom market</source>
        <translation>添加自定义市场</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="98"/>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="99"/>
        <source>Starts from region:</source>
        <translation>参照区域：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="139"/>
        <source>Use a two-letter country code, such as VN or SA.</source>
        <translation>请使用两位字母的国家代码，如 VN 或 SA。</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="146"/>
        <source>%1 is already listed.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="158"/>
        <source>To add: %1</source>
        <translation>待添加：%1</translation>
    </message>
</context>
<context>
    <name>MarketsModel</name>
    <message>
        <location filename="../models/markets.py" line="53"/>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../models/markets.py" line="53"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../models/markets.py" line="53"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../models/markets.py" line="53"/>
        <source>Planned entry</source>
        <translation>计划进入日期</translation>
    </message>
    <message>
        <location filename="../models/markets.py" line="81"/>
        <source>not set</source>
        <translation>未设定</translation>
    </message>
</context>
<context>
    <name>MatrixCanvas</name>
    <message>
        <location filename="../widgets/matrix.py" line="56"/>
        <source>Enter first</source>
        <translation>优先进入</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="57"/>
        <source>Build readiness</source>
        <translation>先提升准备度</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="58"/>
        <source>Ready, less attractive</source>
        <translation>已就绪，吸引力较低</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="59"/>
        <source>Not now</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="129"/>
        <source>Readiness →</source>
        <translation>准备度 →</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="140"/>
        <source>Attractiveness →</source>
        <translation>吸引力 →</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="162"/>
        <source>%1 (readiness %2, attractiveness %3)</source>
        <translation>%1（准备度 %2，吸引力 %3）</translation>
    </message>
</context>
<context>
    <name>MatrixWidget</name>
    <message>
        <location filename="../widgets/matrix.py" line="216"/>
        <source>Readiness and attractiveness of each market</source>
        <translation>各市场的准备度与吸引力</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="219"/>
        <source>Readiness and attractiveness</source>
        <translation>准备度与吸引力</translation>
    </message>
    <message>
        <location filename="../widgets/matrix.py" line="237"/>
        <source>%1: no market data (facts cover %2% of the attractiveness weight)</source>
        <translation>%1：无市场数据（数据覆盖吸引力权重的 %2%）</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../models/team.py" line="16"/>
        <source>Administrator</source>
        <translation>平台管理员</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="17"/>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="18"/>
        <source>Firm user</source>
        <translation>企业用户</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="54"/>
        <source>Login</source>
        <translation>登录账号</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="55"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="56"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="57"/>
        <source>Companies they see</source>
        <translation>可见企业</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="75"/>
        <source>Every company</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <location filename="../models/team.py" line="77"/>
        <source>No company</source>
        <translation>无企业</translation>
    </message>
</context>
<context>
    <name>MilestoneChangesView</name>
    <message>
        <location filename="../widgets/milestone_changes.py" line="26"/>
        <source>What changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="34"/>
        <source>What “%1” holds (nothing was saved before it)</source>
        <translation>“%1”的内容（此前没有保存的节点）</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="39"/>
        <source>What changed from “%1” to “%2”</source>
        <translation>从“%1”到“%2”的变化</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="43"/>
        <source>Readiness</source>
        <translation>准备度</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="56"/>
        <source>Answers changed: %1</source>
        <translation>有变化的答案：%1</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="63"/>
        <source>company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="73"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="75"/>
        <source>Actions no longer needed: %1</source>
        <translation>不再需要的行动：%1</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="76"/>
        <source>New actions in the plan: %1</source>
        <translation>计划中新增的行动：%1</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="100"/>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="102"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="104"/>
        <source>don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="107"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../widgets/milestone_changes.py" line="107"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../pages/company.py" line="189"/>
        <source>New assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="194"/>
        <source>Company name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="195"/>
        <location filename="../pages/company.py" line="232"/>
        <source>Export readiness assessment</source>
        <translation>出海准备度评估</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="199"/>
        <source>Assessment title</source>
        <translation>评估标题</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="201"/>
        <source>e.g. Tier-1 brake systems, commercial vehicles</source>
        <translation>例如：制动系统一级供应商、商用车</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="204"/>
        <source>Company name:</source>
        <translation>企业名称：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="205"/>
        <source>Assessment title:</source>
        <translation>评估标题：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="206"/>
        <source>Industry segment:</source>
        <translation>细分行业：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="207"/>
        <source>Products:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="208"/>
        <source>Home province:</source>
        <translation>所在省份：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="210"/>
        <source>Target markets:</source>
        <translation>目标市场：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="225"/>
        <source>Enter the company name.</source>
        <translation>请输入企业名称。</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="229"/>
        <source>Choose at least one target market.</source>
        <translation>请至少选择一个目标市场。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../dialogs/pdf_preview.py" line="50"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../dialogs/pdf_preview.py" line="102"/>
        <source>Report ready</source>
        <translation>报告已生成</translation>
    </message>
    <message>
        <location filename="../dialogs/pdf_preview.py" line="105"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../dialogs/pdf_preview.py" line="108"/>
        <source>Preview and print</source>
        <translation>预览并打印</translation>
    </message>
</context>
<context>
    <name>PlanDetail</name>
    <message>
        <location filename="../widgets/plan_detail.py" line="52"/>
        <source>Selected action</source>
        <translation>所选行动</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="58"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="60"/>
        <source>Set your own start, effort and cost for this action</source>
        <translation>为这项行动填写您自己的开始日期、工作量和费用</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="86"/>
        <source>Select an action to see why it is in the plan, what it needs first and what it takes.</source>
        <translation>选中一项行动，可查看它为何列入计划、需要先做什么以及需要投入多少。</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="104"/>
        <source>your figure</source>
        <translation>您填写的数字</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="119"/>
        <source>Overdue: was due %1</source>
        <translation>已逾期：截止日期为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="121"/>
        <source>Due within 14 days</source>
        <translation>14 天内到期</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="123"/>
        <source>Cannot be finished before the planned entry</source>
        <translation>无法在计划进入日期前完成</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="129"/>
        <source>Ranked down:</source>
        <translation>靠后安排：</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="136"/>
        <source>one action for the whole region (%1)</source>
        <translation>整个区域（%1）只需做一次</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="140"/>
        <source>none: on the critical path</source>
        <translation>无：在关键路径上</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="142"/>
        <source>does not hold the entry back</source>
        <translation>不影响进入市场的日期</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="144"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="147"/>
        <source>Markets</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="148"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="149"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="151"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="151"/>
        <source>not named yet</source>
        <translation>尚未指定</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="153"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="154"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="156"/>
        <source>Lead time</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="157"/>
        <source>%1 of %2 weeks left</source>
        <translation>剩余 %1 周（共 %2 周）</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="162"/>
        <source>Entry can go ahead</source>
        <translation>可进入市场</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="166"/>
        <source>Slack</source>
        <translation>富余时间</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="167"/>
        <source>Effort</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="169"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="175"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="181"/>
        <source>Sources</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="185"/>
        <source>Needs first</source>
        <translation>前置事项</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="186"/>
        <source>Unblocks</source>
        <translation>完成后可开展</translation>
    </message>
    <message>
        <location filename="../widgets/plan_detail.py" line="192"/>
        <source>Nothing open</source>
        <translation>无未完成事项</translation>
    </message>
</context>
<context>
    <name>PlanFiguresDialog</name>
    <message>
        <location filename="../dialogs/plan_figures.py" line="66"/>
        <source>Action figures: %1</source>
        <translation>行动数据：%1</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="74"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="76"/>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="78"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="80"/>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="81"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="82"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="83"/>
        <source>Dropped</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="88"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="90"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="91"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="92"/>
        <source>Least effort (person-weeks)</source>
        <translation>最少工作量（人周）</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="93"/>
        <source>Most effort (person-weeks)</source>
        <translation>最多工作量（人周）</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="94"/>
        <source>Least cost</source>
        <translation>最低费用</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="95"/>
        <source>Most cost</source>
        <translation>最高费用</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="97"/>
        <source>Cost currency</source>
        <translation>费用币种</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="101"/>
        <source>Paid</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="102"/>
        <source>once</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="103"/>
        <source>every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="108"/>
        <source>Start:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="109"/>
        <source>Due:</source>
        <translation>截止：</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="111"/>
        <source>Effort (person-weeks):</source>
        <translation>工作量（人周）：</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="112"/>
        <location filename="../dialogs/plan_figures.py" line="118"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="115"/>
        <source>External cost:</source>
        <translation>外部费用：</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="146"/>
        <source>company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location filename="../dialogs/plan_figures.py" line="176"/>
        <source>use the plan&apos;s figure</source>
        <translation>采用计划数据</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../models/plan.py" line="124"/>
        <source>Rank</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="125"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="126"/>
        <source>Recommended action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="127"/>
        <source>Markets</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="129"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="118"/>
        <source>Days an action can slip without moving the market entry; critical-path actions have none</source>
        <translation>行动可推迟而不影响进入市场日期的天数；关键路径上的行动没有富余</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="128"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="130"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="131"/>
        <source>Weeks left</source>
        <translation>剩余周数</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="132"/>
        <source>Slack (days)</source>
        <translation>富余（天）</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="133"/>
        <source>Effort (person-weeks)</source>
        <translation>工作量（人周）</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="134"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="135"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="136"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="260"/>
        <source>Overdue: was due %1</source>
        <translation>已逾期：截止日期为 %1</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="262"/>
        <source>Due within 14 days</source>
        <translation>14 天内到期</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="269"/>
        <source>Ranked down: %1</source>
        <translation>靠后安排：%1</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="274"/>
        <source>Cannot be finished before the planned entry</source>
        <translation>无法在计划进入日期前完成</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="277"/>
        <source>%1 weeks from not started; %2 left from where the answers stand</source>
        <translation>从尚未开始算需 %1 周；按当前答案还剩 %2 周</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="284"/>
        <source>Entry can go ahead from %1; the rest runs on after entry</source>
        <translation>%1 起即可进入市场；其余工作在进入后继续</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="289"/>
        <source>Source: %1</source>
        <translation>出处：%1</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="296"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../models/plan.py" line="297"/>
        <source>Changed by %1 · %2</source>
        <translation>修改人 %1 · %2</translation>
    </message>
</context>
<context>
    <name>PlanWords</name>
    <message>
        <location filename="../models/plan_words.py" line="41"/>
        <source>Do now</source>
        <translation>立即着手</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="42"/>
        <source>Before entry</source>
        <translation>进入市场前</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="43"/>
        <source>After entry</source>
        <translation>进入市场后</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="49"/>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="50"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="51"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="52"/>
        <source>Dropped</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="61"/>
        <source>Company-wide</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="63"/>
        <source>Company-wide: %1</source>
        <translation>全公司：%1</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="71"/>
        <source>%1 person-weeks</source>
        <translation>%1 人周</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="79"/>
        <source>one-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="79"/>
        <source>yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="93"/>
        <source>(estimate)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="99"/>
        <source>(sourced)</source>
        <translation>（有出处）</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="105"/>
        <source>no figure given</source>
        <translation>未给出数字</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="107"/>
        <source>estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="109"/>
        <source>your figure</source>
        <translation>您填写的数字</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="117"/>
        <source>One-off %1 %2 · yearly %1 %3 · effort %4 person-weeks</source>
        <translation>一次性 %1 %2 · 每年 %1 %3 · 工作量 %4 人周</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="127"/>
        <source>Critical</source>
        <translation>关键</translation>
    </message>
    <message>
        <location filename="../models/plan_words.py" line="134"/>
        <source>Your figure (the plan&apos;s own is replaced)</source>
        <translation>您填写的数字（取代计划自带的数字）</translation>
    </message>
</context>
<context>
    <name>PortfolioChart</name>
    <message>
        <location filename="../dialogs/portfolio_chart.py" line="67"/>
        <source>Readiness for %1 by company</source>
        <translation>各企业进入%1的准备度</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_chart.py" line="91"/>
        <source>No blockers</source>
        <translation>无阻碍项</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_chart.py" line="93"/>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_chart.py" line="112"/>
        <source>Ranked firms by readiness for %1 (%2 firms)</source>
        <translation>参与排名的企业进入%1的准备度分布（%2 家企业）</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_chart.py" line="116"/>
        <source>Firms</source>
        <translation>企业数</translation>
    </message>
</context>
<context>
    <name>PortfolioCover</name>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="42"/>
        <source>Portfolio report</source>
        <translation>企业组合报告</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="46"/>
        <source>e.g. Zhejiang Auto Parts Export Service Platform</source>
        <translation>例如：浙江汽车零部件出口服务平台</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="48"/>
        <source>Platform name</source>
        <translation>平台名称</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="49"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="51"/>
        <source>Platform management</source>
        <translation>平台管理层</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="52"/>
        <source>Recipient</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="53"/>
        <source>Prepared for:</source>
        <translation>报告对象：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="55"/>
        <source>Author</source>
        <translation>编制人</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="56"/>
        <source>Prepared by:</source>
        <translation>编制方：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="60"/>
        <source>Date on the cover</source>
        <translation>封面日期</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="61"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="63"/>
        <source>e.g. Confidential: management only</source>
        <translation>例如：保密，仅限管理层</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="64"/>
        <source>Confidentiality line</source>
        <translation>保密声明</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="65"/>
        <source>Confidentiality:</source>
        <translation>保密声明：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="67"/>
        <source>Logo:</source>
        <translation>徽标：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="68"/>
        <source>Anonymise: firms as &quot;Firm 017&quot;, no names</source>
        <translation>匿名：企业以“企业 017”编号显示，不出现名称</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="70"/>
        <source>Anonymise the firms</source>
        <translation>匿名显示企业</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_cover.py" line="72"/>
        <source>For readers outside the platform, such as a government SME centre.</source>
        <translation>用于平台以外的读者，例如政府中小企业服务中心。</translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <location filename="../models/portfolio.py" line="63"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="64"/>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="65"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="66"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="67"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="68"/>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="69"/>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="70"/>
        <source>Blockers</source>
        <translation>阻碍项</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="77"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="95"/>
        <source>not ranked</source>
        <translation>未参与排名</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="112"/>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="143"/>
        <source>Not enough answers to be ranked: fewer than %1 answered</source>
        <translation>已答不足，未参与排名：已答少于 %1</translation>
    </message>
    <message>
        <location filename="../models/portfolio.py" line="147"/>
        <source>Double-click to open this assessment</source>
        <translation>双击打开该评估</translation>
    </message>
</context>
<context>
    <name>PortfolioProgress</name>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="54"/>
        <source>Progress for %1</source>
        <translation>%1的评估进展</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="60"/>
        <source>%1 firms have not started; %2 are stuck (no change for %3 days).</source>
        <translation>%1 家企业尚未开始；%2 家停滞（%3 天没有更改）。</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="71"/>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="71"/>
        <source>Where</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="71"/>
        <location filename="../dialogs/portfolio_progress.py" line="126"/>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="71"/>
        <source>Last change</source>
        <translation>最近更改</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="74"/>
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="74"/>
        <source>Stuck</source>
        <translation>停滞</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="92"/>
        <source>Not started or stuck</source>
        <translation>尚未开始或停滞</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="97"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="97"/>
        <location filename="../dialogs/portfolio_progress.py" line="126"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="97"/>
        <source>Firms</source>
        <translation>企业数</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="97"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="124"/>
        <source>Most common gaps</source>
        <translation>最常见的差距</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio_progress.py" line="136"/>
        <source>Answered by dimension</source>
        <translation>各维度已答比例</translation>
    </message>
</context>
<context>
    <name>PortfolioWindow</name>
    <message>
        <location filename="../dialogs/portfolio.py" line="92"/>
        <source>Portfolio of companies</source>
        <translation>企业组合</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="107"/>
        <source>&amp;Market:</source>
        <translation>市场(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="110"/>
        <source>Market to compare the companies for</source>
        <translation>用于比较各企业的市场</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="114"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="115"/>
        <source>Read the latest answers of every company again</source>
        <translation>重新读取各企业的最新答案</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="125"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="126"/>
        <source>Report language:</source>
        <translation>报告语言：</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="128"/>
        <source>&amp;Print portfolio report…</source>
        <translation>打印企业组合报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="135"/>
        <source>Rank firms with at &amp;least</source>
        <translation>参与排名的企业至少已答(&amp;L)</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="140"/>
        <source>Minimum share answered to be ranked</source>
        <translation>参与排名所需的最低已答比例</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="142"/>
        <source>Firms that answered less are listed after the ranking as not ranked</source>
        <translation>已答不足的企业列在排名之后，标为未参与排名</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="150"/>
        <source>of the questions answered</source>
        <translation>的题目</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="152"/>
        <source>Pro&amp;gress…</source>
        <translation>评估进展(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="155"/>
        <source>Who has not started, who is stuck, and the gaps most firms share</source>
        <translation>哪些企业尚未开始、哪些停滞，以及多数企业共有的差距</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="159"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="181"/>
        <source>Companies ranked by readiness</source>
        <translation>按准备度排序的企业</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="211"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="261"/>
        <source>Reading every company&apos;s answers…</source>
        <translation>正在读取各企业的答案…</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="308"/>
        <source>No assessment targets a market yet. Create assessments first.</source>
        <translation>还没有任何评估选择目标市场。请先创建评估。</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="314"/>
        <source>%1 companies · average readiness %2 · %3 ready or better · %4 blocked</source>
        <translation>%1 家企业 · 平均准备度 %2 · %3 家已就绪或领先 · %4 家受阻</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="321"/>
        <source>%1 ranked (at least %2 answered), %3 with not enough answers</source>
        <translation>%1 家参与排名（已答至少 %2），%3 家已答不足</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="327"/>
        <source>%1 older assessments not counted</source>
        <translation>%1 份较早的评估未计入</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="374"/>
        <source>No Chinese font</source>
        <translation>缺少中文字体</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="381"/>
        <location filename="../dialogs/portfolio.py" line="411"/>
        <source>portfolio %1</source>
        <translation>企业组合 %1</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="384"/>
        <source>Save the portfolio report</source>
        <translation>保存企业组合报告</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="220"/>
        <source>Laying out the portfolio report…</source>
        <translation>正在排版企业组合报告…</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="221"/>
        <source>Laying out the portfolio report… %1 s</source>
        <translation>正在排版企业组合报告… %1 秒</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="222"/>
        <source>The portfolio report could not be made.</source>
        <translation>企业组合报告生成失败。</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="223"/>
        <source>The portfolio report could not be made:
%1</source>
        <translation>企业组合报告生成失败：
%1</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="414"/>
        <source>Export the portfolio</source>
        <translation>导出企业组合</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="420"/>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="434"/>
        <source>The portfolio was exported to %1.</source>
        <translation>企业组合已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="439"/>
        <source>The portfolio could not be exported:
%1</source>
        <translation>企业组合导出失败：
%1</translation>
    </message>
    <message>
        <location filename="../dialogs/portfolio.py" line="460"/>
        <source>The portfolio report was saved to %1.</source>
        <translation>企业组合报告已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ProfileFacts</name>
    <message>
        <location filename="../pages/company.py" line="266"/>
        <source>Size, sales and certificates (decide which questions are asked)</source>
        <translation>规模、销售渠道与认证（决定需要回答哪些问题）</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="271"/>
        <source>Number of employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="275"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="277"/>
        <source>Leave at &apos;not given&apos; if unsure; a small company gets later steps ranked down.</source>
        <translation>不确定时保留“未填写”；规模较小的企业，部分后期步骤会排到后面。</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="280"/>
        <source>Employees:</source>
        <translation>员工人数：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="285"/>
        <source>Exports today through:</source>
        <translation>目前的出口方式：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="287"/>
        <source>Trading companies</source>
        <translation>通过外贸公司</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="288"/>
        <source>Importers or distributors abroad</source>
        <translation>海外进口商或经销商</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="289"/>
        <source>Direct sales to customers abroad</source>
        <translation>直接销售给海外客户</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="290"/>
        <source>Supplying vehicle makers (OEM)</source>
        <translation>为整车厂配套（OEM）</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="295"/>
        <source>Makes:</source>
        <translation>产品类型：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="297"/>
        <source>Vehicles</source>
        <translation>整车</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="298"/>
        <source>Parts and components</source>
        <translation>零部件</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="299"/>
        <source>Batteries</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="300"/>
        <source>Special vehicles</source>
        <translation>专用车</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="305"/>
        <source>Certificates held:</source>
        <translation>已获认证：</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="312"/>
        <source>VDA 6.3 audit passed</source>
        <translation>已通过 VDA 6.3 审核</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="331"/>
        <source>Other certificates</source>
        <translation>其他认证</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="332"/>
        <source>e.g. CCC, E-mark, ISO/IEC 17025</source>
        <translation>例如 CCC、E-mark、ISO/IEC 17025</translation>
    </message>
    <message>
        <location filename="../pages/company.py" line="334"/>
        <source>Other certificates:</source>
        <translation>其他认证：</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../pages/question_card.py" line="273"/>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="323"/>
        <source>critical: a low answer blocks entry</source>
        <translation>关键题目：答案偏低即阻碍进入市场</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="330"/>
        <source>What good looks like:</source>
        <translation>达标标准：</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="333"/>
        <source>Answer yes or no.</source>
        <translation>请回答“是”或“否”。</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="339"/>
        <source>Lead time to close the gap: %1 weeks</source>
        <translation>弥补差距所需周期：%1 周</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="341"/>
        <source>Source:</source>
        <translation>出处：</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="351"/>
        <source>Company-wide</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="407"/>
        <source>Assigned to %1</source>
        <translation>已分配给 %1</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="409"/>
        <source>Assigned to %1 (with the whole dimension)</source>
        <translation>已分配给 %1（随整个维度）</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="413"/>
        <source>Not assigned to anyone</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="424"/>
        <source>Assign this question to…</source>
        <translation>把这个问题分配给…</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="428"/>
        <source>Assign the dimension “%1” to…</source>
        <translation>把维度“%1”分配给…</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="433"/>
        <source>Take this question back</source>
        <translation>收回这个问题</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="437"/>
        <source>Take the dimension back</source>
        <translation>收回这个维度</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="450"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="448"/>
        <source>Who should answer %1?</source>
        <translation>由谁来回答 %1？</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="457"/>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="459"/>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="461"/>
        <source>don&apos;t know (counts as 0)</source>
        <translation>不清楚（按 0 计）</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="464"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="464"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="473"/>
        <source>Evidence (%1)</source>
        <translation>证明材料（%1）</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="474"/>
        <source>Attach a file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="479"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="486"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../pages/question_card.py" line="491"/>
        <source>Attach evidence</source>
        <translation>添加证明材料</translation>
    </message>
    <message>
        <location filename="../pages/profile_marks.py" line="19"/>
        <source>Not counted for this profile</source>
        <translation>按企业概况不计分</translation>
    </message>
    <message>
        <location filename="../pages/profile_marks.py" line="20"/>
        <source>The company profile says this question does not apply to what the company makes. The answer is kept and counts again if the profile changes.</source>
        <translation>根据企业概况，此题与贵公司的产品无关。答案会保留；企业概况改变后将重新计分。</translation>
    </message>
    <message>
        <location filename="../pages/profile_marks.py" line="32"/>
        <source>Pre-answered from %1</source>
        <translation>已由 %1 预先作答</translation>
    </message>
    <message>
        <location filename="../pages/profile_marks.py" line="34"/>
        <source>level %1</source>
        <translation>第 %1 级</translation>
    </message>
    <message>
        <location filename="../pages/profile_marks.py" line="39"/>
        <source>The certificate the company holds counts for this question until you answer it yourself.</source>
        <translation>在您亲自作答之前，此题按贵公司持有的认证计分。</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <location filename="../pages/questionnaire.py" line="84"/>
        <source>Find a question (Ctrl+F): id or words</source>
        <translation>查找题目（Ctrl+F）：编号或关键词</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="85"/>
        <source>Find a question</source>
        <translation>查找题目</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="90"/>
        <source>Unanswered only</source>
        <translation>仅未作答</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="91"/>
        <source>Critical only</source>
        <translation>仅关键题目</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="92"/>
        <source>My questions</source>
        <translation>我的问题</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="93"/>
        <source>To review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="94"/>
        <source>Answers given before their question changed</source>
        <translation>题目修改前给出的答案</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="96"/>
        <source>Questions assigned to you (%1), alone or with their dimension</source>
        <translation>分配给您（%1）的问题，包括单独分配的和随维度分配的</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="107"/>
        <source>Dimensions</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="123"/>
        <source>◀ Previous</source>
        <translation>◀ 上一题</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="124"/>
        <source>Next ▶</source>
        <translation>下一题 ▶</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="139"/>
        <source>No question matches the filters.</source>
        <translation>没有符合筛选条件的题目。</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="194"/>
        <source>%1 to review</source>
        <translation>%1 项待复核</translation>
    </message>
    <message>
        <location filename="../pages/questionnaire.py" line="215"/>
        <location filename="../pages/questionnaire.py" line="296"/>
        <source>%1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../dialogs/rates.py" line="49"/>
        <source>1 %1 =</source>
        <translation>1 %1 =</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="52"/>
        <source>Use a rate for %1</source>
        <translation>使用 %1 汇率</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="56"/>
        <source>Yuan per %1</source>
        <translation>每 %1 合人民币</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="63"/>
        <source>Date of the %1 rate</source>
        <translation>%1 汇率的日期</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="94"/>
        <source>Budget currency and exchange rates</source>
        <translation>预算币种和汇率</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="101"/>
        <source>Budget currency</source>
        <translation>预算币种</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="105"/>
        <source>Total the budget in:</source>
        <translation>预算合计币种：</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="112"/>
        <source>as of</source>
        <translation>取值日期</translation>
    </message>
    <message>
        <location filename="../dialogs/rates.py" line="119"/>
        <source>Enter the rate your finance team uses and the day it was taken. A cost in a currency without a rate is left out of the total, and the plan says so.</source>
        <translation>请填写财务部门采用的汇率及其取值日期。没有汇率的币种，其费用不计入合计，计划中会注明。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../dialogs/report.py" line="53"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="59"/>
        <source>Markets</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="68"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="71"/>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="72"/>
        <source>Comparison</source>
        <translation>市场对比</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="73"/>
        <source>Market sections</source>
        <translation>各市场章节</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="74"/>
        <source>Action plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="75"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="76"/>
        <source>Appendix</source>
        <translation>附录</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="95"/>
        <source>Both: English and 中文</source>
        <translation>两种语言：English 和中文</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="100"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="101"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="109"/>
        <source>Save the PDF as</source>
        <translation>PDF 保存位置</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="110"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="114"/>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="133"/>
        <source>Create PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="161"/>
        <source>Writes %1 and %2</source>
        <translation>将写入 %1 和 %2</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="170"/>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="199"/>
        <source>Choose at least one market.</source>
        <translation>请至少选择一个市场。</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="202"/>
        <source>Choose at least one section.</source>
        <translation>请至少选择一个章节。</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="215"/>
        <source>No Chinese font</source>
        <translation>缺少中文字体</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="235"/>
        <source>The reports were saved to %1.</source>
        <translation>报告已保存至 %1。</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="140"/>
        <source>Laying out the report…</source>
        <translation>正在排版报告…</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="141"/>
        <source>Laying out the report… %1 s</source>
        <translation>正在排版报告… %1 秒</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="142"/>
        <source>The report could not be made.</source>
        <translation>报告生成失败。</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="143"/>
        <source>The report could not be made:
%1
Your answers are not affected.</source>
        <translation>报告生成失败：
%1
您的答案不受影响。</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="225"/>
        <location filename="../dialogs/report.py" line="237"/>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="226"/>
        <source>Report saved to %1</source>
        <translation>报告已保存至 %1</translation>
    </message>
    <message>
        <location filename="../dialogs/report.py" line="233"/>
        <source>The report was saved to %1.</source>
        <translation>报告已保存至 %1。</translation>
    </message>
</context>
<context>
    <name>ReportRender</name>
    <message>
        <location filename="../dialogs/report_render.py" line="68"/>
        <source>The report renderer could not be started.</source>
        <translation>无法启动报告生成程序。</translation>
    </message>
    <message>
        <location filename="../dialogs/report_render.py" line="80"/>
        <source>%v of %m written</source>
        <translation>已写入 %v / %m</translation>
    </message>
    <message>
        <location filename="../dialogs/report_render.py" line="98"/>
        <source>Cancelled; %1 was written, the rest was not.</source>
        <translation>已取消；%1 已写入，其余未写入。</translation>
    </message>
    <message>
        <location filename="../dialogs/report_render.py" line="103"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../dialogs/report_render.py" line="120"/>
        <source>%1 of %2 files written</source>
        <translation>已写入 %1 / %2 个文件</translation>
    </message>
    <message>
        <location filename="../dialogs/report_render.py" line="135"/>
        <source>Report failed</source>
        <translation>报告生成失败</translation>
    </message>
    <message>
        <location filename="../dialogs/report_render.py" line="136"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../dialogs/report_render.py" line="142"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <location filename="../store_errors.py" line="57"/>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="65"/>
        <source>%1 is busy: another program is writing to it. Nothing was changed; try again in a moment.</source>
        <translation>%1 正被其他程序写入，未做任何更改。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="70"/>
        <source>%1 cannot be written (a read-only file or folder). Nothing was changed.</source>
        <translation>%1 无法写入（文件或文件夹为只读），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="74"/>
        <source>The disk holding %1 is full. Nothing was changed; free some space and try again.</source>
        <translation>%1 所在的磁盘已满，未做任何更改。请腾出空间后再试。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="79"/>
        <source>The database %1 refused the change. Nothing was changed. The database&apos;s own message is in the details; show it to the database&apos;s administrator.</source>
        <translation>数据库 %1 拒绝了这项更改，未做任何更改。点击“显示详情”可查看数据库的原始信息，请交给数据库管理员。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="110"/>
        <source>The database %1 is damaged. It was moved aside to %2.</source>
        <translation>数据库 %1 已损坏，已移到 %2 另行保存。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="114"/>
        <source>%1 is already open in another window or program. Close it there, or open this one read-only.</source>
        <translation>%1 已在另一个窗口或程序中打开。请先在那里关闭，或以只读方式打开此文件。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="120"/>
        <source>%1 cannot be written (%2): the file or its folder may be read-only. Open it read-only, or choose another file.</source>
        <translation>%1 无法写入（%2）：文件或其所在文件夹可能为只读。请以只读方式打开，或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../store_errors.py" line="126"/>
        <source>%1 is not a %2 database; it was left untouched. Choose another file.</source>
        <translation>%1 不是“%2”的数据库，未对其做任何改动。请选择其他文件。</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../dialogs/team.py" line="109"/>
        <source>Team members</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="119"/>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="120"/>
        <source>Grant company…</source>
        <translation>授权企业…</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="121"/>
        <source>Revoke company…</source>
        <translation>撤销企业…</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="154"/>
        <source>Reading the team…</source>
        <translation>正在读取团队…</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="169"/>
        <source>Members: %1</source>
        <translation>成员：%1 位</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="188"/>
        <source>%1 joined the team.</source>
        <translation>%1 已加入团队。</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="205"/>
        <source>Select a member first.</source>
        <translation>请先选择一位成员。</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="207"/>
        <source>All companies</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="209"/>
        <source>Grant company</source>
        <translation>授权企业</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="209"/>
        <source>Revoke company</source>
        <translation>撤销企业</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="219"/>
        <source>%1 now sees it.</source>
        <translation>%1 现在可以看到它。</translation>
    </message>
    <message>
        <location filename="../dialogs/team.py" line="219"/>
        <source>%1 no longer sees it.</source>
        <translation>%1 已不能再看到它。</translation>
    </message>
</context>
<context>
    <name>TeamMembersAction</name>
    <message>
        <location filename="../team_menu.py" line="29"/>
        <source>&amp;Team members…</source>
        <translation>团队成员(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../widgets/verdict.py" line="44"/>
        <source>To decide, answer or fix:</source>
        <translation>要作出判断，请回答或解决：</translation>
    </message>
    <message>
        <location filename="../widgets/verdict.py" line="49"/>
        <source>Questions that would decide the verdict</source>
        <translation>可决定结论的问题</translation>
    </message>
    <message>
        <location filename="../widgets/verdict.py" line="50"/>
        <source>Click a question to open it in the questionnaire</source>
        <translation>点击问题可在问卷中打开</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <location filename="../dialogs/weights.py" line="37"/>
        <source>Attractiveness weights</source>
        <translation>吸引力权重</translation>
    </message>
    <message>
        <location filename="../dialogs/weights.py" line="44"/>
        <source>How much each factor counts in a market&apos;s attractiveness, in points. Only the proportions matter; a factor a market has no facts for is left out, never counted as zero. These weights apply to this assessment only.</source>
        <translation>各因素在市场吸引力中所占的分量（以分计）。只有比例起作用；某市场缺少数据的因素不参与计算，绝不按零分计。这些权重仅适用于本次评估。</translation>
    </message>
    <message>
        <location filename="../dialogs/weights.py" line="61"/>
        <source>Weight of %1</source>
        <translation>%1的权重</translation>
    </message>
    <message>
        <location filename="../dialogs/weights.py" line="63"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../dialogs/weights.py" line="75"/>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location filename="../dialogs/weights.py" line="95"/>
        <source>Total: %1 points</source>
        <translation>合计：%1 分</translation>
    </message>
    <message>
        <location filename="../dialogs/weights.py" line="99"/>
        <source>Give at least one factor a weight above zero.</source>
        <translation>请至少为一个因素设置大于零的权重。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../pages/welcome.py" line="51"/>
        <source>Find out whether your company is ready to sell in a foreign market: answer a guided questionnaire built from what industry leaders advise, pick your target markets, and get readiness per market, the blockers, a ranked action plan and a report for management.</source>
        <translation>判断贵公司是否已做好在海外市场销售的准备：回答一份依据行业领军人物建议编写的引导式问卷，选定目标市场，即可获得各市场的准备度、阻碍项、按优先级排序的行动计划，以及一份供管理层审阅的报告。</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="60"/>
        <source>New assessment…</source>
        <translation>新建评估…</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="64"/>
        <source>Open the sample assessment</source>
        <translation>打开样例评估</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="72"/>
        <location filename="../pages/welcome.py" line="82"/>
        <source>Your assessments</source>
        <translation>我的评估</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="74"/>
        <location filename="../pages/welcome.py" line="108"/>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="89"/>
        <source>Stored in %1 — every answer is saved as you go, with automatic backups.</source>
        <translation>保存位置：%1。每个答案都会即时保存，并自动备份。</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="106"/>
        <source>Show archived (%1)</source>
        <translation>显示已归档（%1）</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="118"/>
        <source>   (archived)</source>
        <translation>   （已归档）</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="128"/>
        <source>No assessments in the list: %1 archived.</source>
        <translation>列表中没有评估：%1 个已归档。</translation>
    </message>
    <message>
        <location filename="../pages/welcome.py" line="130"/>
        <source>No assessments yet.</source>
        <translation>暂无评估。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../workspace.py" line="244"/>
        <source>Assessment created</source>
        <translation>评估已创建</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="300"/>
        <location filename="../workspace.py" line="316"/>
        <source>company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="346"/>
        <source>Note saved</source>
        <translation>备注已保存</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="392"/>
        <source>Answer the question before attaching evidence.</source>
        <translation>请先回答该题，再添加证明材料。</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="399"/>
        <source>Could not attach %1: %2</source>
        <translation>无法添加 %1：%2</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="405"/>
        <location filename="../workspace.py" line="410"/>
        <source>Evidence attached</source>
        <translation>证明材料已添加</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="432"/>
        <source>Evidence removed</source>
        <translation>证明材料已移除</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="465"/>
        <source>figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="39"/>
        <source>Company profile saved</source>
        <translation>企业概况已保存</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="46"/>
        <source>Market added</source>
        <translation>市场已添加</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="53"/>
        <source>Entry date saved</source>
        <translation>计划进入日期已保存</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="64"/>
        <source>Budget currency and rates saved</source>
        <translation>预算币种和汇率已保存</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="71"/>
        <source>Attractiveness weights saved</source>
        <translation>吸引力权重已保存</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="94"/>
        <source>Milestone renamed</source>
        <translation>节点已重命名</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="101"/>
        <source>Milestone deleted</source>
        <translation>节点已删除</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="481"/>
        <source>Action saved</source>
        <translation>行动已保存</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="77"/>
        <source>Assignment saved</source>
        <translation>分配已保存</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="79"/>
        <source>Assignment removed</source>
        <translation>分配已取消</translation>
    </message>
    <message>
        <location filename="../detail_writes.py" line="87"/>
        <source>Milestone saved</source>
        <translation>节点已保存</translation>
    </message>
    <message>
        <location filename="../workspace.py" line="495"/>
        <source>Backup saved</source>
        <translation>备份已保存</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="170"/>
        <source>%1

Restore the newest good backup now?</source>
        <translation>%1

是否立即从最近一次完好的备份恢复？</translation>
    </message>
    <message>
        <location filename="../app.py" line="181"/>
        <source>%1

Open it read-only?</source>
        <translation>%1

是否以只读方式打开？</translation>
    </message>
    <message>
        <location filename="../app.py" line="219"/>
        <source>Could not open %1; you are still working on the current database.

%2</source>
        <translation>无法打开 %1；您仍在使用当前数据库。

%2</translation>
    </message>
    <message>
        <location filename="../app.py" line="257"/>
        <source>Could not open the team server %1.

%2

The database on this computer opens instead; choose Settings &gt; Database to try the server again.</source>
        <translation>无法打开团队服务器 %1。

%2

将改为打开本机上的数据库；如需再次尝试连接服务器，请选择“设置 → 数据库”。</translation>
    </message>
    <message>
        <location filename="../app.py" line="364"/>
        <source>Now working on %1</source>
        <translation>当前使用的数据库：%1</translation>
    </message>
    <message>
        <location filename="../app.py" line="402"/>
        <source>The questionnaire content is damaged:
%1
Reinstall the app.</source>
        <translation>问卷内容已损坏：
%1
请重新安装本软件。</translation>
    </message>
</context>
</TS>
