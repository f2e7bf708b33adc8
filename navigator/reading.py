"""Reading a question: places, documents, programme lines, intents, facts and amounts bound to their fields.

One reader serves every front end (CLI, app, tests). ``Reader.read`` turns one question into a typed
``Reading``; ``Reader.read_in`` reads it against a conversation, so a follow-up ("那如果纳税只有300万呢？",
"第三年呢？") keeps the facts and programmes of earlier turns. Every amount carries the words it was read
from, so a misreading is visible to the asker. All vocabulary is data in ``knowledge/lexicon.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from decimal import Decimal
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from navigator.corpus import KNOWLEDGE, Corpus, load_corpus
from navigator.gazetteer import Gazetteer, gazetteer
from navigator.limits import LimitWords
from navigator.numbers import Flag, MoneyWords, RawAmount, scan

DATE = re.compile(r"20\d\d\s*年\s*(?:\d{1,2}\s*月|[初底末中]|上半年|下半年)")  # 2020年6月, 2020年初: a date
# Pieces of document titles too common to say which document a question is about.
GENERIC_TITLE_WORDS = {"企业", "上云", "云上", "平台", "上平", "工业", "业企", "服务", "服务券", "务券", "补助", "补贴", "支持",
                       "实施", "办法", "通知", "关于", "工作", "开展", "管理", "公共", "云服", "广东", "东省", "省工", "信息",
                       "息化", "化厅", "互联", "联网", "优秀", "供应", "应商", "产业", "生态", "供给", "申领", "方案", "认定",
                       "暂行", "市支", "持工", "工信", "厅办", "办公", "公室", "于开", "展2", "年工", "领工", "作的", "的通",
                       "知", "业上", "台服", "云补", "助实", "施细", "资源", "源池", "培育", "作方"}
MAX_READ_CHARS = 600  # the reader looks at this much of a question: beyond it, text is kept but not parsed
LINE_SCORE = 1.0  # a document named only by one of its lines' words (教育版): as much as its place
MAX_AMOUNTS = 20
SUM_WORD_CHARS = 6  # 三年合计90万: a summing word this close before an amount makes it a total
PAYMENT_INPUTS = ("fees_cny", "contract_cny", "annual_fees_cny")  # the inputs a payment fills, once tied to a line
SENTENCE = re.compile(r"[。；;！？!?\n]")
CLAUSE = re.compile(r"[，。；;！!？?\n、]|(?<!\d),|,(?!\d)")  # a comma inside 15,000,000 ends nothing
CLAUSE_END = re.compile(r"[，,。；;！!？?]")  # the end of a clause where 、 joins (lists of years, asking clauses)
NEAR_CUE_CHARS = 12  # an amount's field word stands at most this far before it


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class YesNoWords(Model):
    markers: list[str]
    endings: list[str]
    negative: list[str]
    governing: list[str]  # prohibitions that govern the clauses after them
    asking: list[str]  # words after which a yes/no question names the act it asks about
    positive: list[str]
    prohibitions: list[str]
    apply_tail: str  # 社会组织能申请吗: what follows the asking word is applying itself, no act a prohibition forbids
    skip: list[str]
    bare_skip: str  # 中间几年不复核行吗: 不 right before an act (only the act after it counts)
    defer: list[str]
    defer_passed: str  # 公示期过了: a time passed (not 审过了)
    obligation: list[str]
    not_obligation: list[str]  # words holding 应 / 需 that oblige nothing (应用, 供应商, 需求)
    required: list[str]
    not_done: list[str]
    again: list[str]
    one_char_acts: str
    timely: list[str]
    focus: list[str]
    focus_in_asking_clause: list[str]  # 需要: opens the thing asked only in the clause that asks
    not_things: list[str]
    modal: str  # a clause ending in 吧 with one of these asks (这个能当申报材料吧)
    request_ba: str  # 说说吧: a clause ending in 吧 that asks for something done, not for a yes
    # 推荐意见不算评价指标吧: a clause that asks to confirm a negation; the text saying the positive is a no
    negated_claim: str
    # 应该一视同仁吧 against 不得…采取歧视性或差异化措施: forbidding the opposite of what is claimed is a yes
    opposites: dict[str, list[str]]
    actor_subject: str = "(?!x)x"  # 省联盟直接对外公布: an office opening a clause, with its act right after
    claim_note: str = "(?!x)x"  # 坐席备注：企业认为…: a claim passed on by the helpdesk, asked to be checked
    skip_office: str = "(?!x)x"  # 不用报省经信委: an office the question would leave out (an office name follows)
    obliged: str = "(?!x)x"
    negated_acts: list[str] = []  # 不能…区别对待吧: the asker says the act is not allowed, seeking agreement
    confirm_end: str = "(?!x)x"
    unit_claim: str = "(?!x)x"  # 交到省厅科技处吗: a division of an office put forward (group 1)
    unit_named: str = "(?!x)x"  # （工业互联网处）: a division a sentence names
    only_from: str = "(?!x)x"  # 只能从…里选: one source asked to be the only one
    not_limited: str = "(?!x)x"  # 包括但不限于: a list that is not the only source
    keyword_figure: str = "(?!x)x"  # 六成, 两档: a figure put forward among keywords
    keyword_rule: str = "(?!x)x"  # 按集群试点方案定: a rule put forward as the last keyword
    dismissal: str = "(?!x)x"  # 后来发的通知不管用: the thing said not to count (group 1)
    binding: str = "(?!x)x"  # 以{thing}为准: a sentence that makes the thing count
    fixed_claim: str = "(?!x)x"  # 定下来就不会再变了吧: a figure or rule claimed to stay as it is
    exempt: list[str] = []  # 无需重复申报 / 不用再报: an act one is spared
    still_required: str = "(?!x)x"  # 还要再报吗: whether an act is still required
    spared_plain: str = ""  # 再, 一次, 重复: characters that say nothing of which act is spared
    changes: str = "(?!x)x"  # 进行动态调整 / 适当调整: a sentence saying it changes
    actor_claim: str  # 是不是省联盟公布: the words right before an office the question puts forward as doing an act
    contrasts: list[list[str]]
    hearsay: list[str]  # 不是说…吗: what the asker heard, not a negation
    stay_out: dict[str, list[str]]  # 予以回避: the one it names takes no part (参加评审)
    self_paid: list[str]  # 剩余20%的服务费由企业支付: that part is the enterprise's own
    rest_words: list[str]  # 剩下那两成: the part the subsidy leaves
    cover_words: list[str]  # 也能用券抵掉吗: asking the subsidy to pay it
    only: str  # 只做书面审查吗: whether one thing is enough
    more: list[str]  # a sentence requiring more than one thing (、 / 同时 / 并)
    alone: list[str]  # a sentence saying one thing is enough (仅限, 即可)
    more_acts: list[str]  # with the obligations: what makes the more a requirement (包括, 提交)
    direct: list[str]  # 直接交到市经信部门: going straight to the higher office  # [口头, 书面]: asking the first where the text requires the second
    defer_pattern: str  # 先签合同 后备案: the order the question proposes
    done_then: str  # 合同都签完了，服务商才去备案: the act done first


class EventDateWords(Model):
    validity: list[str]  # a certificate obtained on that day (通过认定)
    lookback: list[str]  # a penalty on that day (被罚)
    founding: list[str]  # founded on that day (成立)
    periods: dict[str, str]  # the period a sentence sets, by kind of event (有效期三年, 前三年内): its number
    issued_after: str = "(?!x)x"  # 营业执照是…下来的: words after the date saying the thing named before it was issued
    affected: str = "(?!x)x"  # 是否还受影响: a penalty asked whether it still counts (yes while inside the look-back)


class ValidityWords(Model):
    question: str  # asks whether something is (still, already) in force
    document_words: list[str]  # the thing asked about is the document itself
    other_subjects: list[str]  # a certificate, voucher or filing has a validity of its own
    start_words: list[str]  # asks whether it has started (开始施行了吗), not whether it still holds
    lapse_words: list[str]  # asks whether it has lapsed (过期了没有): yes is no longer in force
    self_clause: str  # the document's own clause on when it takes effect and for how long (本办法自发布之日起施行)


class FollowUpWords(Model):
    openers: list[str]
    closers: list[str]
    adding: list[str]  # 再加上公有云80万呢: a line added to those spoken of, not put in their place


class YearWords(Model):
    ordinal: list[str]
    ordinal_values: dict[str, int]
    each: list[str]
    respectively: list[str]
    sum_asked: str  # 这两年能补多少: the years given, summed
    same: list[str]
    leading: list[str]  # the first n years: 前两年, 头两年
    trailing: list[str]  # the n years after the first: 后面两年, 接下来两年
    shared: list[str]  # 两项服务费每年都是100万: one amount that is each named line's
    unchanged: list[str]  # 第二年两项服务费不变: the year before's amounts again
    same_year: list[str]  # 第一年…40万元，同年云上软件园15万元: the year of the amount before
    not_use: list[str]  # 成立三年: years of the enterprise, not years of use
    current: str  # 已经第四年了: the year of use the asker is in
    stopped: str  # 第三年不续了 / 还没开始: a year named as one without use (no fee of its own is missing)
    per_year: str  # 一年二十万: an amount said for one year, every year
    # 之后每年递减60万 / 第二年比第一年少5万: the fee of a year said as a step from the year before it
    step: dict[Literal["more", "less"], list[str]] = {}
    step_each: list[str] = []  # 每年 / 逐年 before a step: every later year, not one
    step_from: str = ""  # 比第一年 / 比上一年: the year a step is counted from (a group holding its ordinal, or none)


class StepWords(Model):
    first: list[str]
    last: list[str]
    first_label: str
    last_label: str
    # 初审过了以后，下一道是谁把关: the step after the one named before `after`, when a `next` word asks for it.
    after: list[str] = []
    next: list[str] = []
    next_label: str = "下一步"
    done_before: list[str] = []  # 已经过了…初审: words before the step a question says is done
    # 第三样 / 第2项 / 第五份材料: the item at that place of the list asked about (not 第3个工作日, 第二年).
    nth: str = ""
    nth_label: str = "第{n}项"
    # 头两样 / 前两项 / 最后两项: the first or last n items (group 1: n)
    first_n: str = "(?!x)x"
    last_n: str = "(?!x)x"
    # The kind of list a question names (材料, 条件, 流程): of several lists, the one whose opening says it.
    list_nouns: list[str] = []


class HandingInWords(Model):
    """How a question asks whether a thing must be handed in (要不要交纳税证明, 需要发票吗)."""

    tails: str  # 行吗 / 可以吗 after the act
    needing: str  # 需要 / 要 before a document named with no verb of handing in
    asking: str  # 要不要 / 需要 after a document named before the verb of handing in (承诺函要不要交)
    cut: str  # 作为 / 算: what the thing would count as follows
    not_documents: list[str]  # 申请费: a fee paid, not a document
    directions: list[str]  # 交上去: a direction after the verb, not a thing handed in


class AskedValue(Model):
    question: str  # how a question asks for a value of the kind (多久, 几次)
    value: str  # how a sentence gives one (30天内, 1-2次)
    # The value is of the thing named after the question word (多久出认定结果: a time of the 结果); a contact is
    # of the office asked (哪个科室负责, 电话多少), whatever verb follows.
    of_thing: bool = True
    # The value follows from what the clause before the question word names (资质复核没过，会咋处理): a sentence giving
    # one for another cause (因违法经营受到处罚的，撤销其认定资格) states none for it.
    of_cause: bool = False


class RequirementWords(Model):
    label: str  # the attribute, as the answer names it
    fields: list[str]  # profile fields a rule on the attribute reads
    words: list[str]  # how a caller names the attribute (成立年限, 规上)
    # Whether the texts leave it open when no condition reads it: a place of registration is also spoken of
    # where no condition sets it (各地市不得对非本地注册的…), so only a condition that sets it answers.
    open_when_unread: bool = True


class CountWords(Model):
    words: list[str]
    units: list[str]


class ProcessRange(Model):
    """Asking for the steps between two of a procedure: the asking words, the step after which (做完以后), the step
    from which (从县区), the step up to which (到…之前: group 2 set when the step itself is left out)."""
    asks: str = "(?!x)x"
    after: str = "(?!x)x"
    start: str = "(?!x)x"
    end: str = "(?!x)x"
    light_chars: str = ""  # characters that name no step (里, 的, 了)


class VoucherUse(Model):
    """What a voucher may pay for: the question (符合用途不, 能用服务券抵吗), the sentence of uses (可用于), the word
    before what it leaves out (但), and words that name no use of their own (费用, 用途)."""
    question: str = "(?!x)x"
    sentence: str = "(?!x)x"
    but: str = "但"
    light: list[str] = []
    voucher_chars: str = "券"  # (券能: the voucher and a word after it, cut as one)
    remainder: str = "(?!x)x"  # 剩下那两成: the share the enterprise pays itself
    fee: str = "(?!x)x"  # 培训费: a fee named


class UnruledPractice(Model):
    """A way of going about a programme no text rules on (找中介代办, 合同款分期付): asked, it is left open unless a
    sentence of the document speaks of it."""

    label: str  # 委托他人代为申请: what the answer says the texts leave open
    asked: str  # the question asks about it
    text: str  # a sentence of the document speaking of it
    near: Literal["process", "rate"]  # what is cited as nearest: the first step, or the line's rate


class Lexicon(Model):
    """``knowledge/lexicon.yaml``: how people ask, validated once at load."""

    anchors: list[str]
    weak_anchors: list[str]
    other_topics: list[str]
    other_requests: list[str]
    voucher_names: list[str]
    question_words: list[str]
    intents: dict[str, list[str]]
    programme_keys: dict[str, list[str]]
    spelled_otherwise: list[str]  # 县区, 往后: question words the texts spell otherwise
    segmenter_splits: list[str]  # dictionary words questions use as two (钱会); read by retrieval.jieba_tokenizer
    segmenter_words: list[str] = []  # short names the dictionary lacks, kept whole (省经信委, not 省经 | 信委)
    sequence_words: list[str]  # 接下来券怎么发: order, not a name
    synonyms: list[list[str]]
    money: MoneyWords
    amount_fields: dict[str, list[str]]
    line_words: dict[str, list[str]]
    years: YearWords
    profile_facts: dict[str, dict[bool, list[str]]]
    provider_side: str  # 服务商备案要交什么 speaks as the provider; 付给云服务商 does not
    provider_self: list[str]
    follow_up: FollowUpWords
    yes_no: YesNoWords
    other_policy_words: list[str]
    combining_words: list[str]
    other_subsidy: str
    no_double: list[str]
    higher_words: list[str]  # 按高的那个执行: the higher standard asked about
    sentence_cues: dict[str, list[str]]
    interrogatives: list[str]  # 多久报一次运营数据: what follows the question word is what is asked about
    vague_acts: list[str]  # 从哪儿弄 / 怎么搞: verbs that name no act of the texts (the clause leans on the one before)
    count_facts: dict[str, CountWords]
    established: dict[str, str]
    money_question: str
    question_chars: str
    payment_words: list[str]
    asker_place_before: list[str]
    asker_place_after: list[str]
    programme_place_before: list[str]
    still_open: str
    cycle_year: str  # 第二年还能申请吗: the cycle's year, not the day asked
    dated_act: str  # an act of a programme's window asked as allowed (能兑现吗, 能不能…开始办) beside a named date
    validity: ValidityWords
    event_dates: EventDateWords
    partial_payment: list[str]
    all_year: dict[str, str] = {}
    cash_denied: str = "(?!x)x"
    frequency: str = "(?!x)x"
    frequency_periods: dict[str, str] = {}
    plain_acts: list[str] = []
    time_of_day: str = "(?!x)x"
    misconduct_words: list[str] = []
    unused_rule: dict[str, Any] = {}
    partial_paid: str = "(?!)"
    partial_after: str = "(?!)"
    contract_total: list[str]
    changed_to: list[str]  # 涨到900万: the figure before, changed
    changed_by: dict[Literal["more", "less"], list[str]]  # 再加5万: the figure before plus this one
    relative_years: dict[str, int]  # 前年 / 去年 / 今年: years of use in the order they came
    summing: list[str]
    negations: list[str]
    negated_before: str
    eligibility_words: list[str]
    claimed_before: list[str]
    claim_reach: list[str] = []
    cap_words: list[str]
    threshold_before: list[str]
    figure_asks: list[str]
    subsidy_words: list[str]
    asker_suffixes: list[str] = Field(default_factory=list)  # 外资企业: a kind of asker, not a topic
    tax_words: list[str] = Field(default_factory=list)  # 所得税, 计入收入: how a subsidy is taxed
    money_nature: str = "(?!x)x"  # 财政补贴凭证: a sentence saying what the money is
    unruled_practices: list[UnruledPractice] = Field(default_factory=list)  # 代办, 分期付款: left open
    things_asked: str = "(?!x)x"  # 能拿哪些东西: things, not money
    together_rule: str = "(?!x)x"  # 可同时申请多种服务券: one document's rule on taking several of its lines
    date_units: str
    tier_sentence: str
    repeal_words: list[str]
    attachment_question: str
    history_words: list[str]
    repeat_rules: list[str]
    repeat_allowed: list[str]
    amount_field_labels: dict[str, str]
    registered_elsewhere: list[str]  # 外地注册的公司: not registered in the programme's place
    asks_registration: str  # 必须在广东注册吗: a requirement on the place of registration asked about
    full_share_words: list[str]  # 全额补贴吗: a rate of 100 % put forward
    per_month: list[str]  # 每月8000元: a monthly amount, not a contract or a year's fee
    claim_check: list[str]  # 估算对吗: whether a figure is the right one, not whether it can be reached
    figure_set_words: list[str]  # 改成50万: a figure set, not claimed
    treatment_words: list[str]  # 地市政策只给本地注册的企业: how others treat the applicant, not who may apply
    asker_place_strong: list[str]
    asker_place_strong_after: list[str]  # 广州注册的公司: the place before these is where it is registered
    asks_requirement: str
    requirement_fields: list[RequirementWords]
    requirement_cue: str
    application_fee: str
    cap_question: str
    exclusions: list[str]
    cash_question: str  # 直接打现金到账上: money asked for in cash
    voucher_form: str  # 以发放服务券的形式: the text pays in vouchers
    recipient_question: str
    recipient_sentence: str
    certificate_pattern: str
    staff_ratio_words: list[str]
    staff_total: str = "(?!x)x"  # 团队30人: the staff counted (group 1)
    staff_part: str = "(?!x)x"  # 其中…职称的21人: the qualified among them (group 1)
    fact_windows_years: dict[str, int]
    received_before: list[str]
    received_pattern: str
    factory_elsewhere: str
    topic_word_kinds: list[str]
    function_word_kinds: list[str]
    result_complements: list[str]
    adverb_prefixes: str
    enumeration_point: str
    issue_date_question: str
    doc_number_question: str
    addressee_question: str
    count_question: str
    scaled_by: dict[str, float] = {}  # 翻一倍: 2, 减半: 0.5 (an amount said before, scaled)
    limit_words: list[str] = []  # 初始限额 500万？: a limit a figure is put forward for
    plain_words: list[str] = []
    whole_list_words: list[str] = []  # 一共要交哪几样, 材料清单 全部: words asking no detail of a list  # 今天, 满足: words the texts never use that name no topic
    budget_question: str = ""  # 总盘子多少钱, 总预算: the funds of a whole programme asked
    still_after: str = ""  # 还是得交 / 还是不行: 还是 as "still" before these, not a choice
    choice_tail: str = "(?!)"  # 分期拨付呢: what ends the second alternative of a choice and is no part of it
    material_words: str = "(?!)"  # 申请表, 合同, 凭证: a question naming a document to hand in
    asks_written: str = "(?!)"  # 文件里有写吗: whether the text states what is asked
    must_words: list[str] = []  # 必须实缴到位吗: what follows says what a requirement asked about must be
    process_range: ProcessRange = ProcessRange()  # 评审做完以后，到公布之前还有哪些步骤
    who_light_acts: list[str] = []  # 负责, 管: verbs that name no act of their own after 谁
    voucher_use: VoucherUse = VoucherUse()  # 数据流量费用能用服务券抵吗
    addressee_task: str = "(?!x)x"  # 让镇街经信部门干啥: what the notice's addressees are to do
    request_words: str = "(?!x)x"  # 请认真贯彻执行: a notice's request
    years_again: str = "(?!x)x"  # 连续三年都申请: applying again year after year
    span_of_act: str = "(?!x)x"  # 公示几天: the act whose span is asked (group 1)
    span_after_act: str = "(?!x)x"  # 公示5个工作日: the span said right after the act
    vague_frequency: str = "(?!x)x"  # 定期: how often, left open
    voucher_count: str = "(?!x)x"  # 能领几张: vouchers counted
    must_hand_in: str = "(?!x)x"  # 应提交申请变更请示: a sentence that asks for a thing to be handed in
    deixis: list[str] = []  # 本地, 当地: words that point at a place the text names otherwise
    # 什么时候兑现 / 哪天截止: a time asked; a sentence giving a time (2020年10月8日…止, 5个工作日内) answers it
    when_question: str = ""
    time_value: str = ""
    deadline_point: str = "(?!x)x"  # 最后期限是哪天 / 精确到几点: a point in time asked
    years_question: str
    frequency_question: str  # 资质复核多久一次: how often
    submit_words: list[str]  # 要不要交 / 需要提供: whether a thing must be handed in
    not_material_words: list[str]  # 材料, 申请: words of such a question that name no document
    document_endings: list[str]  # 发票, …证明: a word naming a document
    general_documents: list[str]  # 证明, 材料: documents of no particular kind
    handing_in: HandingInWords
    frequency_value: str  # 每年需进行资质复核, 每半年组织一次: the frequency a sentence states
    count_units: dict[str, list[str]]
    enumeration_question: str
    kinds_question: str
    voucher_verbs: list[str]
    limits: LimitWords
    step_position: StepWords
    lookup_intents: dict[str, str]
    asks_end: str  # a question asking when something ends (什么时候截止)
    window_acts: list[str]  # acts of taking applications (受理, 申报)
    asks_max: str  # asking for the most one may get (最多补多少)
    condition_periods: list[str]  # words making a period a condition (不低于1年, 前三年内)
    count_not_money: str  # asking a number of things (最多几个, 几套)
    not_in_place: str  # 不在深圳: the place after it is where the asker is not
    besides_question: str  # 除了典型案例以外，还要写哪些: the other items of the list
    extra_materials: str  # 公有云还要额外交两项: a line's items beyond the common ones
    lasting_claim: str  # 一次认定长期有效吗: a validity asked as lasting for good
    lasting_ends: str  # 认定有效期三年 / 予以淘汰: how a text ends a status
    actors: dict[str, list[str]]  # the offices and bodies the texts name, each with the names callers use
    full_name_question: str  # 产品目录的全称: the title in 《》 holding its words
    other_periods: list[str]  # 合同期限: a period other than the programme's window
    who_question: str  # 由哪个机构组织: asking which office does an act
    actor_acts: list[list[str]]  # acts an office does (公布 / 发布), each with the words that say the same act
    actor_act_short: dict[str, list[str]] = {}  # 谁来审: one character after the asking words for the act
    few_not_amount: str  # 哪几样 / 有几处: which things, or a few of them
    price_question: str  # 一个套餐多少钱 / 定了价没: a price, not a subsidy
    money_asked: str  # asking money (补多少, 多少钱)
    asked_values: dict[str, AskedValue]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The project's lexicon, validated."""
    return Lexicon.model_validate(yaml.safe_load((KNOWLEDGE / "lexicon.yaml").read_text(encoding="utf-8")))


# --- the reading ------------------------------------------------------------------------------------------


class PlaceRead(Model):
    """A place named in the question."""

    level: Literal["province", "city", "district"]
    name: str = Field(description="Full name, e.g. 广州市白云区 → 白云区.")
    text: str = Field(description="As written, e.g. 白云.")


class AmountRead(Model):
    """An amount of money in the question, bound (when it can be) to the field it fills."""

    field: str | None = Field(description="Profile or estimate input name (annual_tax_cny, fees_cny, contract_cny, "
                                          "annual_fees_cny...); 'fees' is a payment not yet tied to a line; 'claimed' a "
                                          "subsidy the asker puts forward (never an input); None: unknown.")
    programme: str | None = Field(default=None, description="The programme line the amount belongs to.")
    year: int | None = Field(default=None, description="The year of use the amount belongs to.")
    value_cny: Decimal | None = Field(description="Yuan; None when unreadable or a range.")
    low_cny: Decimal | None = None
    high_cny: Decimal | None = None
    text: str = Field(description="The words the amount was read from, e.g. 纳税800万.")
    flag: Flag | None = Field(default=None, description="negative, absurd, unreadable, range, no_unit, approximate, "
                                                        "at_least or below; None for a plain amount.")
    turn: int | None = Field(default=None, description="The earlier turn it was stated in; None for this question.")
    partial: bool = Field(default=False, description="A payment made so far (已经付了), not the whole amount.")
    monthly: bool = Field(default=False, description="Said per month (每月8000元), not a contract or a year's fee.")
    change: Literal["more", "less"] | None = Field(
        default=None, description="A change to the amount said before (再加5万: more; 少了2万: less), not an amount of its own.")
    start: int = -1
    end: int = -1

    @property
    def usable(self) -> bool:
        """An exact amount a calculator may take."""
        return self.value_cny is not None and self.flag in (None, "approximate")


def changed(before: AmountRead, change: AmountRead) -> AmountRead:
    """The amount said before, changed by ``change`` (合同7.6万 and 再加5万 → 12.6万); a result of zero or less is
    flagged negative, never used."""
    sign = 1 if change.change == "more" else -1
    value = before.value_cny + sign * change.value_cny
    return before.model_copy(update={
        "value_cny": value, "text": f"{before.text}{'＋' if sign > 0 else '－'}{change.text}",
        "flag": before.flag if value > 0 else "negative", "end": max(before.end, change.end), "turn": None})


class EventDate(Model):
    """A date the question gives for something that happened: a certificate obtained, a penalty, a founding."""

    kind: Literal["validity", "lookback", "founding"]
    year: int
    month: int
    day: int | None = None
    text: str

    def first(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month, self.day or 1)

    def last(self) -> dt.date:
        """The last day the date can mean."""
        import calendar

        return dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])


class Reading(Model):
    """What a question (and the conversation so far) was understood to say."""

    question: str
    places: list[PlaceRead] = Field(default=[], description="Most specific first.")
    documents: list[str] = Field(default=[], description="Documents the question names, best first.")
    programmes: list[str] = Field(default=[], description="Programme lines the question names.")
    intents: list[str] = Field(default=[], description="What is asked; several may be.")
    amounts: list[AmountRead] = []
    facts: dict[str, Any] = Field(default={}, description="Profile facts stated (four_above, industrial, city...).")
    fact_words: dict[str, str] = Field(default={}, description="The words each fact came from.")
    each_year: bool = Field(default=False, description="The asker says the amount is paid every year.")
    span_years: int | None = Field(default=None, description="How many years the asker speaks of (三年).")
    asked_year: int | None = Field(default=None, description="The year of use asked about (第三年呢？).")
    years_named: list[int] = Field(default=[], description="The years of use the question names (第一年…第二年).")
    follow_up: bool = Field(default=False, description="The question leans on the previous one.")
    yes_no: bool = False
    provider: bool = Field(default=False, description="The asker says it is a provider.")
    inherited: list[str] = Field(default=[], description="What was taken from earlier turns, in words.")
    previous_question: str | None = None
    previous_answer: str | None = Field(default=None, description="The first line of the previous answer.")
    asked_dates: list[str] = Field(default=[], description="Dates the question names (YYYY-MM-DD, first and last "
                                                          "day of a month), for status questions.")
    still_open: bool = Field(default=False, description="The question asks whether one can still apply.")
    event_dates: list[EventDate] = Field(default=[], description="Dates of things that happened (通过认定, 被罚), "
                                                                  "not days asked about.")
    validity: Literal["in_force", "started"] | None = Field(
        default=None, description="The question asks whether the document is (still) in force, or has started.")
    summing: bool = Field(default=False, description="The asker adds several amounts up (一并, 合计).")
    asker_places: list[PlaceRead] = Field(default=[], description="Places the asker is registered in.")
    asker_cued: bool = Field(default=False, description="Words say the places are the asker's (注册在, 我们厂在).")

    def to_contract(self) -> dict[str, Any]:
        """CONTRACT ``reading``: places, programmes and amounts (money as strings), plus what else was read."""
        return {
            "places": [p.name for p in self.places],
            "programmes": list(self.programmes),
            "amounts": [{"field": a.field, "programme": a.programme, "year": a.year,
                         "value_cny": None if a.value_cny is None else f"{a.value_cny:.2f}", "text": a.text,
                         "flag": a.flag, **({"turn": a.turn} if a.turn else {})} for a in self.amounts],
            "documents": list(self.documents),
            "intents": list(self.intents),
            "facts": {k: v for k, v in self.facts.items()},
            "follow_up": self.follow_up,
            "yes_no": self.yes_no,
            "asked_year": self.asked_year,
            "span_years": self.span_years,
            "inherited": list(self.inherited),
        }


# --- the reader -------------------------------------------------------------------------------------------


class Reader:
    """Reads questions against the corpus' documents and the gazetteer."""

    def __init__(self, corpus: Corpus | None = None, gaz: Gazetteer | None = None, lex: Lexicon | None = None):
        self.corpus = corpus or load_corpus()
        self.gaz = gaz or gazetteer()
        self.lex = lex or lexicon()
        self._cue_words = sorted(((w, f) for f, ws in self.lex.amount_fields.items() for w in ws),
                                 key=lambda x: -len(x[0]))
        self._cue_rx = re.compile("|".join(re.escape(w) for w, _ in self._cue_words))
        self._cue_field = dict(self._cue_words)
        self._line_rx = {pid: re.compile("|".join(map(re.escape, sorted(ws, key=len, reverse=True))))
                         for pid, ws in self.lex.line_words.items()}
        self._provider_rx = [re.compile(p) for p in self.lex.provider_self]
        self._year_rx = re.compile("|".join(map(re.escape, sorted(self.lex.years.ordinal + self.lex.years.each
                                                                   + self.lex.years.respectively, key=len, reverse=True))))

    # places and documents ----------------------------------------------------------------------------------

    def spans(self, q: str) -> list[tuple[int, int, str, str, str]]:
        """The gazetteer's places in the text, without a district that belongs to another city than the one
        written just before it (贵阳市白云区 is not Guangzhou's 白云区)."""
        spans = self.gaz.spans(q)
        out = []
        for n, sp in enumerate(spans):
            s, _e, _text, level, name = sp
            if level == "district" and n:
                _ps, pe, _pt, plevel, pname = spans[n - 1]
                city = self.gaz.districts.get(name, {}).get("city")
                if plevel == "city" and s - pe <= 2 and city and city != pname:
                    continue
            out.append(sp)
        return out

    def places(self, q: str) -> list[PlaceRead]:
        """Places named, most specific first (district, city, province), each once."""
        found = [PlaceRead(level=level, name=name, text=text) for _s, _e, text, level, name in self.spans(q)]
        order = {"district": 0, "city": 1, "province": 2}
        out: list[PlaceRead] = []
        for p in sorted(found, key=lambda p: order[p.level]):
            if all(p.name != o.name for o in out):
                out.append(p)
        return out

    def chain(self, level: str, name: str) -> dict[str, str]:
        """The place with the places that contain it: {district, city, province}."""
        chain = {level: name}
        if level == "district":
            city = self.gaz.districts.get(name, {}).get("city")
            if city:
                chain["city"] = city
        if chain.get("city"):
            prov = self.gaz.cities.get(chain["city"], {}).get("province")
            if prov:
                chain["province"] = prov
        return chain

    def inside(self, region: dict[str, str], place: PlaceRead) -> bool:
        """Whether the place lies within a document's region, or contains it (广东 for a Guangzhou text)."""
        chain = self.chain(place.level, place.name)
        return all(not (region.get(lvl) and chain.get(lvl) and region[lvl] != chain[lvl])
                   for lvl in ("province", "city", "district"))

    def documents(self, q: str, places: list[PlaceRead]) -> dict[str, float]:
        """Documents the question points at, scored: a topic name counts more than a place or a year."""
        q = DATE.sub(" ", q)  # 2020年6月 is a date, not the 2020 notice
        scores: dict[str, float] = {}
        specific = self.most_specific(places)
        # Documents of the place named (白云区): a topic word of another that their text also uses (兑现) names
        # no document of its own.
        local = [d for d in self.corpus.docs.values() if any(
            next((d.region[lvl] for lvl in ("district", "city") if d.region.get(lvl)), None) == p.name for p in specific)]
        for d in self.corpus.docs.values():
            named = [a for a in d.aliases if a in q]
            named = [a for a in named if not any(a != b and a in b for b in named)]  # 2020 inside 2020年: once
            score = sum(min(w, 1.0) if w > 1.0 and any(a in x.body for x in local if x is not d) else w
                        for a in named for w in [self._alias_weight(a, q)])
            own = re.search(r"省(?:里|级|的)?[\u4e00-\u9fff“”\"]{0,10}(?:服务券|券|政策|补贴|奖补)", q)
            if set(d.region) == {"province"} and own and (not own.group().endswith("券") or "券" in d.title):
                score += 3.0  # 省服务券, 省里的补贴: the province's own document (省券: the one issuing vouchers)
            for p in specific:
                if self.inside(d.region, p):
                    deepest = next((d.region[lvl] for lvl in ("district", "city", "province") if d.region.get(lvl)), None)
                    score += 1.0 if deepest == p.name else 0.5
            if score:
                scores[d.id] = score
        for pid in self.lines_named(q):  # 学校申请教育版 最多几个: a line's own word names its document too
            doc = next((d for d in self.corpus.docs if pid.startswith(d + "-")), None)
            if doc is not None and doc not in scores:
                scores[doc] = LINE_SCORE
        return scores

    def _alias_weight(self, alias: str, q: str) -> float:
        """A document's name counts more than a place; a year counts as a name when it names a policy
        (省里2020的上云服务券, 2020年服务券), as a place-like hint otherwise."""
        if self.gaz.lookup(alias):
            return 1.0
        if alias.isdigit() or re.fullmatch(r"\d+年", alias):
            year = alias[:4]
            policy = r"(?:服务券|券|通知|政策|补贴|奖补)"
            near = re.search(rf"{year}\s*年?(?:的|度)?[\u4e00-\u9fff“”\"]{{0,10}}{policy}", q) or re.search(
                rf"{policy}[\s\u4e00-\u9fff]{{0,3}}{year}", q)
            return 3.0 if near else 1.0
        return 3.0

    def topic_documents(self, q: str) -> list[str]:
        """Documents the question names by a topic word (资源池, 公有云, 实施细则), not by a place or a year."""
        from navigator.retrieval import jieba_tokenizer  # (retrieval reads the lexicon from here)

        q = DATE.sub(" ", q)
        words = jieba_tokenizer().lcut(q)
        out = []
        for d in self.corpus.docs.values():
            named = any(self._alias_weight(a, q) >= 3.0 for a in d.aliases if a in q)
            title = d.title
            for lvl in ("province", "city", "district"):
                if d.region.get(lvl):
                    title = title.replace(d.region[lvl], "").replace(d.region[lvl][:-1], "")
            # pairs of characters within one word of the question (白云|公有云 gives no 云公 of 工业云公共服务平台)
            pieces = {p for w in words for run in re.findall(r"[\u4e00-\u9fff]{2,}", w) for p in _pairs(run)}
            named = named or any(p in title for p in pieces - GENERIC_TITLE_WORDS)
            if named:
                out.append(d.id)
        return out

    def most_specific(self, places: list[PlaceRead]) -> list[PlaceRead]:
        """Places that do not merely contain another place named (黑龙江 in 黑龙江伊春)."""
        chains = [self.chain(p.level, p.name) for p in places]
        out = []
        for p, chain in zip(places, chains, strict=True):
            if not any(c.get(p.level) == p.name and c != chain and len(c) > len(chain) for c in chains):
                out.append(p)
        return out

    # facts -------------------------------------------------------------------------------------------------

    def asker_places(self, q: str) -> tuple[list[PlaceRead], bool]:
        """The places the asker says it is registered in (注册在天河区, 我们东莞的厂), most specific first.

        When a question names two places of one level, the one with such words is the asker's; the other is
        the place of the programme asked about. With no such words, every place named counts.
        """
        spans = self.spans(q)
        before = sorted(self.lex.asker_place_before, key=len, reverse=True)
        after = sorted(self.lex.asker_place_after, key=len, reverse=True)
        strong = []
        prev_end = None
        for s, e, text, level, name in spans:
            cued = any(q[max(0, s - 6):s].endswith(w) for w in self.lex.asker_place_strong) or any(
                q[e:e + 6].startswith(w) for w in self.lex.asker_place_strong_after)  # 广州注册的公司
            if cued or (prev_end is not None and s - prev_end <= 1):  # 注册地在广东省潮州市: the city goes with it
                strong.append(PlaceRead(level=level, name=name, text=text))
                prev_end = e
            else:
                prev_end = None
        if strong:  # 执照是哈尔滨的 outranks 在伊春干活: where it is registered is where it belongs
            order = {"district": 0, "city": 1, "province": 2}
            return self.most_specific(sorted(strong, key=lambda p: order[p.level])), True
        mine, theirs = [], []
        mine_end = None
        for s, e, text, level, name in spans:
            head, tail = q[max(0, s - 6):s], q[e:e + 6]
            p = PlaceRead(level=level, name=name, text=text)
            if any(head.endswith(w) for w in self.lex.programme_place_before):
                theirs.append(p)
            elif any(head.endswith(w) for w in before) or any(tail.startswith(w) for w in after) or (
                    mine and re.fullmatch(r"[和、及与跟]", head[-1:] or "") and mine[-1].level == level) or (
                    mine_end is not None and s - mine_end <= 1):
                mine.append(p)  # 在珠海和湛江: the places listed with the asker's are the asker's too; 在广东揭阳
                mine_end = e
                continue
            else:
                theirs.append(p)
            mine_end = None
        cued = bool(mine)
        if not mine:
            levels = {}
            for p in theirs:
                levels.setdefault(p.level, []).append(p)
            if any(len({x.name for x in v}) > 1 for v in levels.values()):
                return [], False  # two places of one level and nothing says which is the asker's
            mine = theirs
        order = {"district": 0, "city": 1, "province": 2}
        return self.most_specific(sorted(mine, key=lambda p: order[p.level])), cued

    def profile_facts(self, q: str, places: list[PlaceRead]) -> tuple[dict[str, Any], dict[str, str]]:
        """Profile fields the question states, with the words they came from."""
        facts: dict[str, Any] = {}
        words: dict[str, str] = {}
        for fld, by_value in self.lex.profile_facts.items():
            for value in (False, True):  # negations first: 非四上 before 四上
                hit = next((w for w in by_value.get(value, []) if w in q), None)
                if hit and value is False and any(q[:q.find(hit)].endswith(n) for n in self.lex.negations):
                    # 从没用过云服务: a negated "not so" word says so.
                    negated = next(n for n in self.lex.negations if q[:q.find(hit)].endswith(n))
                    facts[fld], words[fld] = True, negated + hit
                    break
                if hit and value is True:
                    at = q.find(hit)
                    neg = re.search(self.lex.negated_before, q[max(0, at - 6):at])
                    if neg:  # 不在产业集群试点里, 没有入选集群试点: the word negated
                        facts[fld], words[fld] = False, neg.group(0) + hit
                        break
                    # 不属于四上，也不是总部企业或新招商重点企业: a negation reaches over a list of such words.
                    clause = q[max(clause_start(q, at), 0):at]
                    m = re.search(r"(不是|不属于|并非|非|没有?被?|未被?|尚未被?|从未被?)[^，。；？]*$", clause)
                    between = clause[m.end(1):] if m else ""
                    # 也没被认定为总部企业或新招商重点企业: 没 / 未 reach over a list only of such words
                    listed = m is not None and (m.group(1)[0] not in "没未尚从" or any(
                        w in between for ws in self.lex.profile_facts.values() for w in ws.get(True, [])))
                    if m and listed and re.search(r"[或、和及与]", between):
                        value, hit = False, q[at - len(clause) + m.start():at + len(hit)]
                if hit:
                    facts[fld], words[fld] = value, hit
                    break
        # 注册在白云区、但生产工厂全部在花都区: a factory in a place other than where the asker is registered.
        m = re.search(self.lex.factory_elsewhere, q)
        if m and places and "has_local_factory" in self.lex.profile_facts:
            there = next((x for x in self.gaz.spans(q[m.end():m.end() + 8]) if x[0] == 0), None)
            others = [p for p in places if there is not None and p.name != there[4]]
            if others and all(not self.inside(self.chain(there[3], there[4]), p) for p in others):
                # 执照在花都区办的，厂房租在白云区…能报白云的…吗: the factory's place named again is the programme's
                local = q.count(there[4][:2]) > 1
                facts["has_local_factory"], words["has_local_factory"] = local, m.group(0) + there[2]
        by_level: dict[str, set[str]] = {}
        for fld, years in self.lex.fact_windows_years.items():
            ago = re.search(r"([\d一二两三四五六七八九十]+)\s*年(?:以)?前", q)
            if facts.get(fld) is True and ago:
                from navigator.numbers import parse_numeral

                n = parse_numeral(ago.group(1), {})
                if n is not None and n > years:  # 六年前 is outside 近5年内
                    facts[fld], words[fld] = False, f"{words[fld]}（{ago.group(0)}）"
            act = re.search(r"(20\d\d)\s*年(?:度)?\s*(?:再|想|准备|打算|要|去)?(?:申请|申报|申领)", q)
            event = next((int(y) for y in re.findall(r"(20\d\d)\s*年", q) if act and int(y) < int(act.group(1))), None)
            if facts.get(fld) is True and act and event is not None and int(act.group(1)) - event > years:
                # 2017年出过违规…2024年申请: seven years before the application is outside 近5年内
                facts[fld], words[fld] = False, f"{words[fld]}（{event}年，{act.group(0)}）"
        for p in places:
            for lvl, name in self.chain(p.level, p.name).items():
                by_level.setdefault(lvl, set()).add(name)
        for p in places:
            for lvl, name in self.chain(p.level, p.name).items():
                if lvl not in facts and len(by_level[lvl]) == 1:  # two cities named: neither is "the" city
                    facts[lvl], words[lvl] = name, p.text
        for rx in self._provider_rx:
            m = rx.search(q)
            if m:
                facts["side"], words["side"] = "provider", m.group(0)
        for fld, cw in self.lex.count_facts.items():
            hit = self._count(q, cw)
            if hit:
                facts[fld], words[fld] = hit
        certs = [re.sub(r"\s+", "", c) for c in re.findall(self.lex.certificate_pattern, q, flags=re.I)]
        if certs:
            facts["security_certifications"] = list(dict.fromkeys(c.upper() if c[:1].isascii() else c for c in certs))
            words["security_certifications"] = "、".join(certs)
        ratio = self._staff_ratio(q)
        if ratio is not None:
            facts["qualified_staff_ratio"], words["qualified_staff_ratio"] = ratio
        hit = next((w for w in self.lex.received_before if w in q), None)
        if hit is None and (m := re.search(self.lex.received_pattern, q)) and not re.search(self.lex.other_subsidy, m.group(0)):
            hit = m.group(0)  # (拿了广州市级的上云补贴: another programme's, which other rules speak of)
        if hit:
            neg = re.search(self.lex.negated_before, q[max(0, q.find(hit) - 6):q.find(hit)])
            # 之前没拿过补助: never received
            facts["received_before"], words["received_before"] = (False, neg.group(0) + hit) if neg else (True, hit)
        m = re.search(self.lex.established["pattern"], q) or re.search(self.lex.established["short"], q)
        if m:
            months = self._months(m)
            if months is not None and m.groupdict().get("bound") == "满" and re.search(
                    self.lex.negated_before, q[max(0, m.start() - 4):m.start()]):
                months = max(months - 1, 0)  # 还没有成立满一年: just below it, as 不满一年
            if months is not None:
                facts["established_months"], words["established_months"] = months, m.group(0)
        r = re.search(self.lex.established["recent"], q)
        if r and "established_months" not in facts:  # 上个月才注册成立: under a month or two old
            facts["established_months"], words["established_months"] = 1, r.group(0)
        d = re.search(self.lex.established["date"], q)
        if d and "established_months" not in facts:
            facts["established_date"], words["established_date"] = _founding(d), d.group(0)
        return facts, words

    def _staff_ratio(self, q: str) -> tuple[Decimal, str] | None:
        """A share of qualified staff: 六成, 60%, 百分之六十, next to 专业人员 / 学历 / 职称."""
        for v, m in shares(q):
            near = q[max(0, m.start() - 14):m.end() + 4]
            if any(w in near for w in self.lex.staff_ratio_words):
                return v, m.group(0)
        # 团队30人，其中大专以上学历又有中级以上职称的21人: the share from the two head counts
        whole = re.search(self.lex.staff_total, q)
        part = re.search(self.lex.staff_part, q[whole.end():]) if whole else None
        if part and any(w in part.group(0) for w in self.lex.staff_ratio_words):
            from navigator.numbers import parse_numeral

            n, k = (parse_numeral(x, self.lex.money.magnitudes) for x in (whole.group(1), part.group(1)))
            if n and k is not None and 0 <= k <= n:
                return (k / n).quantize(Decimal("0.0001")), f"{whole.group(0)}…{part.group(0)}"
        return None

    def _count(self, q: str, cw: CountWords) -> tuple[int, str] | None:
        units = "|".join(map(re.escape, cw.units))
        for m in re.finditer(rf"([\d]+|[一二两三四五六七八九十百]+)\s*(?:{units})", q):
            # 15个给制造业用的软件产品: the word may close the phrase the count opens (to the clause's end)
            after = re.split(r"[，。；;？?！!\d]", q[m.end():m.end() + 12])[0]
            after = after if any(f"的{w}" in after for w in cw.words) else q[m.end():m.end() + 6]
            near = q[max(0, m.start() - 8):m.end()] + after
            if any(w in near for w in cw.words):
                from navigator.numbers import parse_numeral

                v = parse_numeral(m.group(1), self.lex.money.magnitudes)
                if v is not None and v == int(v):
                    return int(v), near.strip("，。？?")
        return None

    @staticmethod
    def _months(m: re.Match) -> int | None:
        if "half" in m.groupdict() and m.group("half"):
            return 6
        n = m.group("n")
        if n == "半":
            value = 0.5
        elif n.isdigit():
            value = float(n)
        else:
            from navigator.numbers import parse_numeral

            v = parse_numeral(n, {"万": 10000})
            if v is None:
                return None
            value = float(v)
        more = m.groupdict().get("more") or ""
        months = value * 12 if m.group("unit") == "年" else value
        if more == "半":
            months += 6 if m.group("unit") == "年" else 0.5  # 一年半, 两个月半
        elif more and m.group("unit") == "年":  # 一年零两个月
            from navigator.numbers import parse_numeral

            extra = re.sub(r"^零|个?月$", "", more)
            n_more = int(extra) if extra.isdigit() else parse_numeral(extra, {})
            months += float(n_more or 0)
        bound = m.group("bound")
        if bound in ("不到", "不足", "不满", "未满", "没满"):
            months -= 1  # just below the bound: the verdict is the same for any age under it
        elif bound == "超过":
            months += 1
        return max(int(months), 0)

    def bar_not_payment(self, a: AmountRead, q: str) -> bool:
        """An amount of this question said as a bar the asker measures up against (还没到500万, 可以超过100万元吗), not a
        payment."""
        before = q[max(0, a.start - 4):a.start] if a.start is not None and a.turn is None else ""
        return any(before.endswith(w) for w in self.lex.threshold_before)

    def stated_history(self, q: str) -> str | None:
        """A clause of the question, before the one that asks, telling what the asker has had or done (拿了市级补贴,
        有过一次税务行政处罚, 上过失信名单, 已经申请过一次): the clause, without who says it."""
        clauses = [c for c in CLAUSE_END.split(q) if c.strip()]
        for c in clauses[:-1]:
            if any(w in c for w in self.lex.history_words):
                return re.sub(r"^.*?(?:说|问)[:：]?", "", c).strip() or c
        # one clause, or the asking one: 他们公司前年有过一次税务行政处罚还能申请吗 / …，以前被罚过款还能申请吗
        words = "|".join(map(re.escape, self.lex.history_words))
        m = re.search(rf"([^，,。]*?(?:{words})[^，,。]*?)(?:，|,|还|问)", clauses[-1] if clauses else q)
        return m.group(1) if m else None

    def asked_dates(self, q: str) -> list[str]:
        """Dates named in the question: a day, or the first and last day of a month."""
        import calendar

        out = []
        events = {e.text for e in self.event_dates(q)}
        for m in re.finditer(r"(20\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?", q):
            y, mo = int(m.group(1)), int(m.group(2))
            if not 1 <= mo <= 12 or any(m.group(0) in e for e in events):
                continue
            if m.group(3):
                d = int(m.group(3))
                if 1 <= d <= calendar.monthrange(y, mo)[1]:
                    out.append(f"{y:04d}-{mo:02d}-{d:02d}")
            else:
                out += [f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"]
        return out

    def event_dates(self, q: str) -> list[EventDate]:
        """Dates of things that happened, by the words after them in their clause (2018年5月20日通过认定, 19年11月拿的
        认定, 2018年3月因为违法经营被罚): up to what the asker means to do now (申请, 还能...)."""
        from navigator.numbers import parse_numeral

        w = self.lex.event_dates
        out = []
        for m in re.finditer(r"(\d{4}|\d{2})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月份?"
                             r"(?:\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?", q):
            end = next((x.start() for x in re.finditer(r"[，。；;！!？?\n]", q) if x.start() >= m.end()), len(q))
            after = re.split(r"申请|申报|申领|还|能|可以|想|准备|打算|今天|现在", q[m.end():end])[0]
            kind = next((k for k in ("founding", "validity", "lookback") if any(x in after for x in getattr(w, k))), None)
            before = q[max(0, m.start() - 8):m.start()]
            if kind is None and any(x in before for x in w.founding) and re.match(w.issued_after, after):
                kind = "founding"  # 营业执照是2024年8月31号下来的: the licence named before the date, issued on it
            if kind is None:
                continue
            year = int(m.group(1)) + (2000 if len(m.group(1)) == 2 else 0)
            month = int(m.group(2)) if m.group(2).isdigit() else int(parse_numeral(m.group(2), {}) or 0)
            day = None
            if m.group(3):
                day = int(m.group(3)) if m.group(3).isdigit() else int(parse_numeral(m.group(3), {}) or 0)
            try:
                out.append(EventDate(kind=kind, year=year, month=month, day=day, text=m.group(0)))
                out[-1].last()
            except ValueError:
                out = out[:-1] if out and out[-1].text == m.group(0) else out
        return out

    # amounts -----------------------------------------------------------------------------------------------

    def amounts(self, q: str) -> list[AmountRead]:
        """Amounts with the field, line and year the surrounding words give them."""
        cues = [(m.start(), m.end(), m.group(0)) for m in self._cue_rx.finditer(q)]
        # A year of use (第三年十二万) or a list (分别为十万、二十万) announces money as a field word does.
        context = [(m.start(), m.end()) for m in self._year_rx.finditer(q)]
        context += [(m.start(), m.end()) for m in re.finditer(self.lex.years.per_year, q)]  # 一年二十万
        context += [(m.start(), m.end()) for m in re.finditer(r"[、和及]", q)
                    if any(e <= m.start() and m.start() - e <= 8 for _s, e, _w in cues)]
        context += [(m.start(), m.end()) for m in re.finditer(r"(?<=[\d万元亿千])\s*[，、,；/／]", q)]  # 10万元，一十万 / 15万/20万
        context += [(m.start(), m.end()) for m in re.finditer(r"(?<=左右|上下)\s*[，、,；]", q)]  # 六十万元左右，十万
        context += [(m.start(), m.end()) for m in re.finditer(r"(?<=年)\s*[（(]", q)]  # 进入第2年(50万)
        context += [(m.start(), m.end()) for rx in self._line_rx.values() for m in rx.finditer(q)]  # 公有云一百万
        raw = scan(q, self.lex.money, [(s, e) for s, e, _ in cues] + context)[:MAX_AMOUNTS]
        out: list[AmountRead] = []
        for a in raw:
            out.append(self._bind(q, a, cues, out))
        out = self._sentence_years(q, out)
        out = self._this_year(q, out)
        out = self._relative_years(q, out)
        out = self._respectively(q, out)
        out = self._shared_by_lines(q, out)
        out = self._schedule(q, out)
        out = self._unchanged(q, out)
        out = self._steps(q, out)
        out = self._changes(q, out)
        named = self.lines_named(q)
        if len(named) == 1:  # one line named: its payments, wherever they stand in the question
            out = [a.model_copy(update={"programme": named[0]}) if a.field == "fees" and a.programme is None else a
                   for a in out]
        return out

    def _changes(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """合同10万，后来又追加了5万: a change joins the amount of its kind said before it into one amount."""
        out: list[AmountRead] = []
        for a in amounts:
            prev = next((e for e in reversed(out) if e.change is None and (a.field is None or e.field == a.field)
                         and e.field not in (None, "claimed") and e.usable), None)
            if a.change and a.usable and prev is not None:
                out[out.index(prev)] = changed(prev, a)
            else:
                out.append(a)
        return out

    def scaled(self, q: str) -> tuple[Decimal, str | None, str] | None:
        """要是合同额翻一倍呢 / 服务费减半呢: a factor applied to an amount said before, the field the words name (None:
        the payment spoken of), and the words."""
        words = "|".join(map(re.escape, sorted(self.lex.scaled_by, key=len, reverse=True)))
        m = re.search(words, q) if words else None
        if m is None:
            return None
        cues = [c for c in self._cue_rx.finditer(q[:m.start()])]
        field = self._cue_field[cues[-1].group(0)] if cues else None
        start = cues[-1].start() if cues else m.start()
        return Decimal(str(self.lex.scaled_by[m.group(0)])), field, q[start:m.end()]

    def _clause(self, q: str, pos: int) -> tuple[int, int]:
        starts = [m.end() for m in CLAUSE.finditer(q, 0, pos)]
        start = starts[-1] if starts else 0
        m = CLAUSE.search(q, pos)
        return start, (m.start() if m else len(q))

    def _bind(self, q: str, a: RawAmount, cues: list[tuple[int, int, str]], earlier: list[AmountRead]) -> AmountRead:
        c0, c1 = self._clause(q, a.start)
        before = [c for c in cues if c0 <= c[0] and c[1] <= a.start and a.start - c[1] <= NEAR_CUE_CHARS]
        after = [c for c in cues if c[0] >= a.end and c[1] <= c1 and c[0] - a.end <= 4
                 and not re.match(r"\s*[\d一二两三四五六七八九十]", q[c[1]:])]  # 公有云26万 四上 纳税320万: 纳税's own
        # 交了600万元左右的税: the word the amount qualifies (的 between) names it, whatever stands before
        owned = [c for c in after if re.fullmatch(r"\s*(?:元|块钱|块)?\s*(?:左右|上下)?\s*的", q[a.end:c[0]])]
        before = [c for c in before if not any(c[1] <= e.start < a.start for e in earlier)]  # 花了20万 交了600万: 花了's
        cue = owned[0] if owned else (before[-1] if before else (after[0] if after else None))
        if cue is not None and cue[1] <= a.start and self._line_in(q[cue[1]:a.start]) \
                and self._cue_field[cue[2]] not in ("fees", "contract_cny"):
            cue = None  # 实缴1.5亿 公有云500万: a line named after the word is what the amount pays for
        field = self._cue_field[cue[2]] if cue else None
        head = q[max(c0, a.start - 4):a.start]
        if field is None and any(head.rstrip().endswith(w) for w in self.lex.claimed_before):  # (上限 30万: spaced)
            field = "claimed"  # 最多补贴100万: a figure the asker puts forward, never an input
        elif field in (None, "fees") and any(head.endswith(w) for w in self.lex.claim_reach) and any(
                w in q[c0:a.start] for w in self.lex.subsidy_words) and not any(c0 <= e.start < a.start for e in earlier):
            field = "claimed"  # 公有云补贴一年最多能到100万 / 补贴能冲到100万不: the subsidy put forward, not a fee
        line = self._line_in(q[c0:a.start]) or self._line_in(q[a.end:c1], first=True)
        bracket = max(q.rfind("（", 0, a.start), q.rfind("(", 0, a.start))
        inside = bracket >= 0 and not re.search(r"[）)]", q[bracket:a.start])
        if inside and field in (None, "fees") and (named := self._line_in(q[max(0, bracket - 12):bracket])):
            line = named  # 软件开发云（第一年，服务费28万元）和云上软件园: the line the bracket explains
        if line is None and field in (None, "fees"):
            # 做了智能车间数字化，服务费45万元: the line named earlier in the sentence, with no amount between.
            s0 = max((m.end() for m in SENTENCE.finditer(q, 0, a.start)), default=0)
            hits = [(m.end(), pid) for pid, rx in self._line_rx.items() for m in rx.finditer(q, s0, c0)]
            if hits:
                end, pid = max(hits)
                if not any(end <= e.start < a.start for e in earlier):
                    line = pid
        if field is None and line and self._line_in(q[max(c0, a.start - 8):a.start]):
            field = "fees"  # 智能车间 80万: the amount right after a line is what it costs
        year = self._year_in(q[c0:a.start])
        if year is None and inside:
            year = self._year_in(q[bracket:a.start])  # （第一年，服务费28万元）
        if year is None:  # 第四年还在续租，费用30万元: the year of the clause before, with no amount between
            since = max((e.end for e in earlier), default=0)
            seg = q[since:a.start]
            lead = "|".join(map(re.escape, self.lex.years.leading + self.lex.years.trailing))
            if not SENTENCE.search(seg) and len(self._ordinals_in(seg)) == 1 and not re.search(
                    self.lex.years.current, seg) and not each_year_said(q[c0:a.end], self.lex.years) \
                    and not re.search(rf"(?:{lead})[一二两三四五\d]年", q[c0:a.start]):  # (前三年都是50万: those years)
                year = self._year_in(seg)  # (已经第四年了，每年都是10万: the years so far, each that fee)
        if year is not None and earlier and self._ordinals_in(q[c0:a.start]):
            at = max(q.rfind(w, c0, a.start) for w in self._ordinals_in(q[c0:a.start]))
            if any(at < e.start < a.start for e in earlier) and self._line_in(q[at:a.start]):
                year = None  # 开发云第一年120万 公有云150万: the year belongs to the amount before
        if field is None and year is not None:
            # 第一年租赁费20万，第二年30万: a later year's amount is the kind of the earlier one.
            prev = next((e for e in reversed(earlier) if e.year is not None and e.field), None)
            if prev:
                field, line = prev.field, line or prev.programme
        if field is None and earlier and not line and CLAUSE.search(q, earlier[-1].end, a.start) is None:
            field = earlier[-1].field
        if field is None and earlier and any(head.endswith(w) for w in self.lex.changed_to):
            field, line = earlier[-1].field, line or earlier[-1].programme  # 纳税400万，去年涨到900万: the same figure
        if cue and cue[0] < a.start:
            text = q[cue[0]:a.end]
        elif cue:
            text = q[a.start:cue[1]]
        else:
            text = a.text
        partial = any(w in q[max(c0, a.start - 8):a.start] for w in self.lex.partial_payment) or bool(
            re.search(self.lex.partial_paid, q[max(c0, a.start - 14):a.start]) or re.match(
                self.lex.partial_after, q[a.end:a.end + 6]))  # 已经给服务商付了8万元 / 3万块首付了
        monthly = any(w in q[max(0, a.start - 6):a.end + 3] for w in self.lex.per_month)
        near = q[max(c0, a.start - 4):a.start]
        change = next((k for k, ws in self.lex.changed_by.items() if any(near.endswith(w) for w in ws)), None)
        return AmountRead(field=field, programme=line, year=year, value_cny=a.value_cny, low_cny=a.low_cny,
                          high_cny=a.high_cny, text=text.strip(), flag=a.flag, start=a.start, end=a.end,
                          partial=partial, monthly=monthly, change=change)

    def lines_named(self, q: str) -> list[str]:
        """Lines the question names; a word only one line uses (诊断) outranks one several share (智能制造)."""
        hits = {pid: {m.group(0) for m in rx.finditer(q)} for pid, rx in self._line_rx.items()}
        hits = {pid: ws for pid, ws in hits.items() if ws}
        owners: dict[str, int] = {}
        for ws in hits.values():
            for w in ws:
                owners[w] = owners.get(w, 0) + 1
        unique = [pid for pid, ws in hits.items() if any(owners[w] == 1 for w in ws)]
        return unique or list(hits)

    def _line_in(self, text: str, first: bool = False) -> str | None:
        """The programme line a stretch of text names: the last one named (the first with ``first``).

        Before an amount the nearest line word counts (公有云 10万 智能车间 80万); after it, the first one.
        """
        hits = sorted((m.start(), -len(m.group(0)), pid) for pid, rx in self._line_rx.items() for m in rx.finditer(text))
        if not hits:
            return None
        if first:
            return hits[0][2]
        last = max(h[0] for h in hits)
        return min((h for h in hits if h[0] == last), key=lambda h: h[1])[2]

    def _year_in(self, text: str) -> int | None:
        best, pos = None, -1
        for w in self.lex.years.ordinal:
            i = text.rfind(w)
            if i > pos:
                best, pos = self.lex.years.ordinal_values[w], i
        return best

    def _respectively(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """三年分别为20万、30万、40万 / 公有云和车间分别100万、50万: the amounts follow the years or lines in order."""
        marks = sorted({m.start() for w in self.lex.years.respectively for m in re.finditer(re.escape(w), q)})
        for i in marks:  # 服务费分别是30万元、40万元、250万元，对应年度全库纳税分别是450万元、600万元、2100万元: each run
            amounts = self._respectively_at(q, i, amounts)
        return amounts

    def _respectively_at(self, q: str, i: int, amounts: list[AmountRead]) -> list[AmountRead]:
        """The run of amounts right after the respectively word at ``i``, bound to the years or lines before it."""
        after = [a for a in amounts if a.start > i]
        # the run of amounts right after it (分别是50万元、70万元、90万元), not a later clause's (纳税1800万)
        run = after[:1]
        hedges = sorted({w for ws in self.lex.money.qualifiers.values() for w in ws}, key=len, reverse=True)
        for x, y in itertools.pairwise(after):
            gap = re.sub("|".join(map(re.escape, hedges)), "", q[x.end:y.start])  # 80万元左右，约35万
            if not re.fullmatch(r"[\s、，,和及与跟还有]*", gap):
                break
            run.append(y)
        after = run
        if len(after) < 2:
            return amounts
        head = q[max(0, i - 30):i]
        lines = [pid for pid, _ in sorted(((pid, m.start()) for pid, rx in self._line_rx.items()
                                           for m in rx.finditer(head)), key=lambda x: x[1])]
        lines = list(dict.fromkeys(lines))
        span = self.span_years(head)
        leading = "|".join(map(re.escape, self.lex.years.leading))
        if m := re.search(rf"(?:{leading})\s*([一二两三四五12345])\s*年[^，。；]{{0,6}}$", head):  # 前三年分别为…
            span = self.small_number(m.group(1))
        named_years = [self.lex.years.ordinal_values[w] for w in self._ordinals_in(head)]
        fld = next((a.field for a in after if a.field), None) or next(
            (self._cue_field[m.group(0)] for m in self._cue_rx.finditer(head)), None) or ("fees" if lines else None)
        # 智能车间服务费12.3万 软件开发云三年分别为…: the line named since the amount before is the one of the years
        since = max((a.end for a in amounts if a.end <= i), default=0)
        own_line = self._line_in(q[since:i])
        fixed = []
        for n, a in enumerate(after):
            upd: dict[str, Any] = {"field": a.field or fld}
            if len(lines) == len(after):
                upd["programme"] = lines[n]
            elif len(named_years) == len(after) and len(set(named_years)) == len(after):
                upd["year"] = named_years[n]  # 第二年和第三年分别是30万、40万
            elif span == len(after) or (span is None and "年" in head):
                upd["year"] = n + 1
            if "year" in upd and own_line and a.field in (None, "fees"):
                upd["programme"] = own_line
            fixed.append(a.model_copy(update=upd))
        keep = [a for a in amounts if a.start <= i]
        rest = [a for a in amounts if a.start > i and a not in after]
        return keep + fixed + rest

    def _shared_by_lines(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """软件开发云和公有云都用，两项服务费每年都是100万: one payment said to be each of several lines named before
        it in the sentence, none of which has an amount of its own, is each line's fee. A total (一共) is not."""
        out: list[AmountRead] = []
        for a in amounts:
            s0 = max((m.end() for m in SENTENCE.finditer(q, 0, a.start)), default=0)
            lines = self.lines_named(q[s0:a.start])
            if a.field not in (None, "fees") or a.value_cny is None or len(lines) < 2:
                out.append(a)
                continue
            first = min(m.start() for pid in lines for m in self._line_rx[pid].finditer(q, s0, a.start))
            last = max(m.end() for pid in lines for m in self._line_rx[pid].finditer(q, s0, a.start))
            between = q[last:a.start]
            if any(first < e.start < a.start for e in amounts if e is not a) \
                    or not any(w in between for w in self.lex.years.shared) or self._sums(q[s0:a.start]):
                out.append(a)
                continue
            order = sorted(lines, key=lambda pid: self._line_rx[pid].search(q, s0).start())
            out += [a.model_copy(update={"field": "fees", "programme": pid}) for pid in order]
        return out

    def _schedule(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """One amount for several years, or a run of amounts for the years in turn.

        前两年各25万 / 头两年每年40万 / 第一年和第二年都是150万: the amount is each of those years' fee.
        租赁费 12.5万 14万 16.8万 三年: as many amounts in a row as the years named, first year first.
        """
        yw = self.lex.years
        num = "一二两三四五六七八九十12345"
        ords = "|".join(map(re.escape, sorted(yw.ordinal, key=len, reverse=True)))
        each = "|".join(map(re.escape, sorted(yw.each + yw.same, key=len, reverse=True)))
        out: list[AmountRead] = []
        for a in amounts:
            c0, _c1 = self._clause(q, a.start)
            head = q[c0:a.start]
            years: list[int] = []
            lead = "|".join(map(re.escape, yw.leading))
            m = re.search(rf"(?:{lead})([{num}])年(?:的)?[^\d{num}]{{0,8}}?(?:{each})[^\d]{{0,8}}$", head)
            if m and a.year is None:
                n = self.small_number(m.group(1))
                years = list(range(1, n + 1)) if n and 1 < n <= 5 else []
            trail = "|".join(map(re.escape, sorted(yw.trailing, key=len, reverse=True)))
            m = re.search(rf"(?:{trail})([{num}])年(?:的)?[^\d{num}]{{0,8}}?(?:{each})[^\d]{{0,8}}$", head)
            if m and not years:  # (said right before the amount, it outweighs the year the sentence opened with)
                n = self.small_number(m.group(1))  # 头一年40万，后面两年每年10万: the second and third years
                years = list(range(2, n + 2)) if n and 1 <= n <= 4 else []
            # 第二年、第三年也都是210万: a list of years joined by 、 is read across it
            listed = q[max((x.end() for x in CLAUSE_END.finditer(q, 0, a.start)), default=0):a.start]
            m = re.search(rf"((?:{ords})(?:\s*[和、及与跟]\s*(?:{ords})|\s+(?:{ords}))+)(?:的)?[^\d]{{0,8}}?(?:{each})"
                          rf"[^\d]{{0,8}}$",
                          listed)
            if m and not years:
                years = [yw.ordinal_values[w] for w in re.findall(ords, m.group(1))]
                if self._year_in(listed[m.end():]) is not None:
                    years = []
            age = "|".join(map(re.escape, yw.not_use))
            m = re.search(rf"(?<![第前头{num}])([{num}])年(?:的)?[^\d{num}，。；]{{0,8}}?(?:{each})[^\d]{{0,8}}$", head)
            if m and not years and a.year is None and not re.search(rf"(?:{age})\s*$", head[:m.start()]) \
                    and not self._sums(head):  # 两年一共50万: one fee for both (共补多少 after it asks the sum)
                n = self.small_number(m.group(1))
                years = list(range(1, n + 1)) if n and 1 < n <= 5 else []  # 公有云两年服务费都是50万
            if len(years) > 1:
                out += [a.model_copy(update={"year": y}) for y in years]
            else:
                out.append(a)
        out = self._total_and_each(q, out)
        # 租赁费 12.5万 14万 16.8万 三年 / 纳税300万 三年服务费 12万 30万 8万 / 用了两年，租赁费一年7万、一年9万: as many
        # payments in a row as the years said, none dated, are the years in turn (other figures, such as a tax, aside).
        payments = [a for a in out if a.field in (None, "fees")]
        span = self.span_years(q)
        if span and len(payments) == span > 1 and all(a.year is None for a in payments) and len(
                {a.programme for a in payments if a.programme}) <= 1 and all(
                re.fullmatch(r"[\s、，,和及/／]*(?:一年|每年)?\s*", q[x.end:y.start]) for x, y in itertools.pairwise(payments)):
            kind = next((a.field for a in payments if a.field), None)
            line = next((a.programme for a in payments if a.programme), None)
            years = {id(a): n + 1 for n, a in enumerate(payments)}
            out = [a.model_copy(update={"year": years[id(a)], "field": a.field or kind, "programme": a.programme or line})
                   if id(a) in years else a for a in out]
        return out

    def _sentence_years(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """第一年全库纳税450万元，公有云服务费30万元；第二年…: a sentence that opens with a year of use speaks of that
        year throughout, until another year is named."""
        ords = "|".join(map(re.escape, sorted(self.lex.years.ordinal, key=len, reverse=True)))
        out = []
        for a in amounts:
            s0 = max((m.end() for m in SENTENCE.finditer(q, 0, a.start)), default=0)
            m = re.match(rf"\s*({ords})", q[s0:a.start])
            if a.year is None and m and not self._ordinals_in(q[s0 + m.end():a.start]):
                a = a.model_copy(update={"year": self.lex.years.ordinal_values[m.group(1)]})
            # 头一年交税450万、公有云用了30万: a clause opening with a year of use, and a list (、) after it.
            opening = [x for x in re.finditer(rf"(?:^|[，,；;：:])\s*(?:(?:今年|去年|前年|明年)是?)?({ords})", q[s0:a.start])]
            if a.year is None and opening:
                last = opening[-1]
                between = q[s0 + last.end():a.start]
                if not re.search(r"[，,。；;]", between) and "、" in between and not self._ordinals_in(between):
                    a = a.model_copy(update={"year": self.lex.years.ordinal_values[last.group(1)]})
                elif not re.search(r"[。；;]", between) and not self._ordinals_in(between) and any(
                        x.year == self.lex.years.ordinal_values[last.group(1)] and s0 + last.end() <= x.start < a.start
                        for x in out):
                    # 头一年全库纳税450万，公有云花了30万；第二年…: the year opening the clause of the amount before
                    # holds on, after a comma, until the sentence ends or another year is named
                    a = a.model_copy(update={"year": self.lex.years.ordinal_values[last.group(1)]})
            # 第一年软件开发云40万元，同年云上软件园15万元: the year of the amount said just before.
            before = [x for x in out if x.start < a.start]
            if a.year is None and before and before[-1].year is not None and any(
                    w in q[before[-1].end:a.start] for w in self.lex.years.same_year) \
                    and not self._ordinals_in(q[before[-1].end:a.start]):
                a = a.model_copy(update={"year": before[-1].year})
            # 头一年上系统花得多，认定平台租赁费40万，后面两年…: the one year of use said before the first amount.
            said = self._ordinals_in(q[s0:a.start])
            current = re.search(self.lex.years.current, q[s0:a.start])
            if current and any(w in q[s0 + current.end():a.start] for w in self.lex.years.each):
                said = []  # 已经第四年了，每年租赁费都是10万: every year's fee, not the fourth year's
            age = "|".join(map(re.escape, self.lex.years.not_use))
            span_said = "|".join(map(re.escape, self.lex.years.leading + self.lex.years.trailing))
            if a.year is None and len(said) == 1 and not any(s0 <= x.start < a.start for x in amounts if x is not a) \
                    and not re.search(rf"(?:{age})\s*{re.escape(said[0])}", q[s0:a.start]) \
                    and not re.search(rf"(?:{span_said})[一二两三四五\d]年", q[clause_start(q, a.start):a.start]) \
                    and not each_year_said(q[clause_start(q, a.start):a.end], self.lex.years):
                # (成立第三年: its age; 已经用到第三年了，前三年都是50万: each of those years)
                a = a.model_copy(update={"year": self.lex.years.ordinal_values[said[0]]})
            out.append(a)
        return out

    def _this_year(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """已经是第二年了，今年服务费90万，第三年预计也是90万: 今年 is the year of use the question says it is in, 明年
        the one after; a later year's amount with no field word is the same kind of payment."""
        m = re.search(r"(?:今年|现在|目前|已经|已)+是?第([一二三四五12345])年", q)
        if not m:
            return amounts
        now = self.small_number(m.group(1))
        out: list[AmountRead] = []
        for a in amounts:
            c0, _c1 = self._clause(q, a.start)
            head = q[c0:a.start]
            if a.year is None and now and not self._ordinals_in(head):
                shift = 0 if "今年" in head else 1 if "明年" in head else -1 if "去年" in head else None
                if shift is None and m.end() <= a.start and len(re.findall(r"[，,；;]", q[m.end():c0])) <= 1 \
                        and not re.search(r"[。！？!?]|[\d一二三四五六七八九十两]\s*[万元块]", q[m.end():c0]) \
                        and not any(w in head for w in self.lex.years.each) \
                        and not self._years_so_far(q, head, now):  # 每年租赁费都是10万 / 三年都是50万 (第三年): every year's
                    shift = 0  # 开发云今年是第二年，服务费30万: the clause right after says this year's fee
                if shift is not None and 0 < now + shift <= 5:
                    a = a.model_copy(update={"year": now + shift})
            if a.field is None and a.year is not None:
                prev = next((e for e in reversed(out) if e.field in ("fees", *PAYMENT_INPUTS)), None)
                if prev is not None:
                    a = a.model_copy(update={"field": prev.field, "programme": a.programme or prev.programme})
            out.append(a)
        return out

    def _years_so_far(self, q: str, head: str, now: int) -> bool:
        """今年第三年了，三年服务费都是50万: the years said, each with that fee, are all the years so far (not 今年是第二年、
        明年第三年，两年都是300万, which names a year after this one)."""
        m = re.search(r"(?<![第前头])([一二两三四五\d])年[^，。；\d]{0,8}(?:都|均|各)", head)
        later = any(self.lex.years.ordinal_values[w] > now for w in self._ordinals_in(q))
        return bool(m) and not later and self.small_number(m.group(1)) == now

    def _relative_years(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """前年纳税400万，去年涨到900万，这两年服务费都是40万: calendar years named for amounts are years of use in
        order (the earliest is the first), when at least two are named and no year of use is."""
        rel = self.lex.relative_years
        named: dict[int, int] = {}
        for n, a in enumerate(amounts):
            c0, _c1 = self._clause(q, a.start)
            hit = [w for w in rel if w in q[c0:a.start]]
            if a.year is None and len(hit) == 1:
                named[n] = rel[hit[0]]
        if len(set(named.values())) < 2 or any(a.year for a in amounts):
            return amounts
        years_of: dict[str | None, set[int]] = {}
        for n, v in named.items():
            years_of.setdefault(amounts[n].field, set()).add(v)
        if not any(len(v) >= 2 for v in years_of.values()):
            return amounts  # 去年全库纳税480万，今年公有云花了36万: last year's tax for this year's fee, no two years
        order = {v: i + 1 for i, v in enumerate(sorted(set(named.values())))}
        return [a.model_copy(update={"year": order[named[n]]}) if n in named else a for n, a in enumerate(amounts)]

    def _steps(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """第一年租赁费30万元，以后每年少5万元 / 第二年比第一年多10万: a later year's fee said as a step from the year
        before (or the year named); every later year up to the span the question names, when the step is each year's.
        A fee that falls to zero or below is flagged negative, never used."""
        yw = self.lex.years
        if not yw.step:
            return amounts
        dirs = {w: k for k, ws in yw.step.items() for w in ws}
        dir_rx = "|".join(map(re.escape, sorted(dirs, key=len, reverse=True)))
        ords = "|".join(map(re.escape, sorted(yw.ordinal, key=len, reverse=True)))
        each = "|".join(map(re.escape, sorted(yw.step_each, key=len, reverse=True))) or "(?!)"
        out: list[AmountRead] = []
        for a in amounts:
            c0, _c1 = self._clause(q, a.start)
            head = q[c0:a.start]
            m = re.search(rf"(?:(?P<year>{ords})|(?P<each>{each}))[^，。；\d]{{0,8}}?(?P<frm>{yw.step_from})?"
                          rf"[^，。；\d]{{0,3}}?(?:又|再)?(?P<dir>{dir_rx})了?\s*$", head) if a.usable else None
            if m and m.group("each"):
                m = m if a.year is None else None  # (a year read otherwise stays)
            elif m:  # 第二年比第一年少5万: the amount was read with either year
                named = {yw.ordinal_values[m.group("year")], *(yw.ordinal_values[w] for w in self._ordinals_in(
                    m.group("frm") or ""))}
                m = m if a.year is None or a.year in named else None
            paid = [e for e in out if e.year is not None and e.field in ("fees", *PAYMENT_INPUTS) and e.usable]
            if m is None or not paid:
                out.append(a)
                continue
            sign = 1 if dirs[m.group("dir")] == "more" else -1
            base = max(paid, key=lambda e: e.year or 0)
            named = self._ordinals_in(m.group("frm") or "")
            if named:  # 比第一年少5万: counted from the year named, not the last one given
                base = next((e for e in paid if e.year == yw.ordinal_values[named[0]]), None)
                if base is None:
                    out.append(a)
                    continue
            if m.group("each"):  # 以后每年少5万: each year after the last one given, up to the span said
                span = self.span_years(q) or 0
                years = list(range(max(e.year or 0 for e in paid) + 1, span + 1))
            else:  # 第二年比第一年少5万 / 第三年又少了20万
                years = [yw.ordinal_values[m.group("year")]]
            if not years or any(e.year in years and e.programme == base.programme for e in paid):
                out.append(a)
                continue
            words = q[c0 + m.start():a.end].strip()
            value = base.value_cny
            for y in years:
                value = value + sign * a.value_cny
                out.append(base.model_copy(update={
                    "year": y, "value_cny": value, "text": f"{words}（第{y}年{(value / 10000).normalize():f}万元）",
                    "flag": base.flag if value > 0 else "negative", "start": a.start, "end": a.end, "change": None}))
        return out

    def _sums(self, text: str) -> bool:
        """The words add amounts up (一共, 合计, 共补)."""
        return "共" in text or any(w in text for w in self.lex.summing)

    def _unchanged(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """第一年软件开发云150万、公有云200万，第二年两项服务费不变: the payments of the year before, again in the
        year named, when that clause states no amount of its own."""
        yw = self.lex.years
        ords = "|".join(map(re.escape, sorted(yw.ordinal, key=len, reverse=True)))
        same = "|".join(map(re.escape, yw.unchanged))
        for m in re.finditer(rf"({ords})[^，。；\d]{{0,10}}?(?:{same})", q):
            n = yw.ordinal_values[m.group(1)]
            c0, c1 = self._clause(q, m.start())
            if n < 2 or any(c0 <= a.start < c1 for a in amounts):
                continue
            s0 = max((x.end() for x in SENTENCE.finditer(q, 0, m.start())), default=0)
            before = [a for a in amounts if a.end <= m.start() and a.field in (None, "fees", *PAYMENT_INPUTS)]
            prev = [a for a in before if a.year == n - 1 or (a.year is None and a.start >= s0)]
            if not prev or any(a.year == n for a in amounts) or not any(a.year == n - 1 for a in prev):
                continue
            dated = [a if a.year else a.model_copy(update={"year": n - 1}) for a in prev]
            amounts = [a for a in amounts if a not in prev] + dated + [a.model_copy(update={"year": n}) for a in dated]
        return amounts

    def _total_and_each(self, q: str, amounts: list[AmountRead]) -> list[AmountRead]:
        """三年一共60万，每年各20万: the total and the yearly fee say the same; keep the yearly fee, with the field
        and line the total was read with."""
        span = self.span_years(q)
        totals = [a for a in amounts if a.year is None and a.start is not None and any(
            w in q[max(0, a.start - SUM_WORD_CHARS):a.start] + a.text for w in [*self.lex.summing, "共"])]
        dated = [a for a in amounts if a.year is not None]
        kinds = {a.field for a in dated} | {a.field for a in totals}
        rest = [a for a in amounts if a not in dated and a not in totals]  # 纳税都是2600万元: another kind stays
        if len(totals) == 1 and len(dated) >= 2 and len(kinds - {None}) <= 1 and not any(
                a.field in kinds - {None} for a in rest) and len({a.year for a in dated}) == len(
                dated) and totals[0].value_cny is not None and totals[0].value_cny == sum(
                (a.value_cny or Decimal(0) for a in dated), Decimal(0)):
            return dated + rest  # 三年合计90万，第一年40万，第二年30万，第三年20万: the total says the years' sum again
        if len(amounts) != 2 or not span or span < 2:
            return amounts
        each_words = self.lex.years.each + self.lex.years.same
        total = next((a for a in amounts if any(w in a.text for w in [*self.lex.summing, "共"])), None)
        each = next((a for a in amounts if a is not total and any(
            w in q[clause_start(q, a.start):a.start] for w in each_words)), None)
        if total is None or each is None or total.value_cny is None or each.value_cny is None \
                or total.value_cny != each.value_cny * span:
            return amounts
        if "contract_cny" in (total.field, each.field):
            return amounts  # 合同总共15万，每年5万: a contract counts its total, which the estimate picks out
        return [each.model_copy(update={"field": each.field or total.field, "programme": each.programme or total.programme})]

    def _ordinals_in(self, text: str) -> list[str]:
        """The year ordinals written in ``text`` (第二年, 第3年, 首年), in order."""
        ords = "|".join(map(re.escape, sorted(self.lex.years.ordinal, key=len, reverse=True)))
        return re.findall(ords, text)

    def small_number(self, word: str) -> int | None:
        """三 / 3 / 十二: a small count written in either numerals."""
        from navigator.numbers import parse_numeral

        v = int(word) if word.isdigit() else parse_numeral(word, self.lex.money.magnitudes)
        return int(v) if v is not None else None

    def span_years(self, text: str) -> int | None:
        """How many years the words speak of: 三年, 3年, 两年."""
        from navigator.numbers import parse_numeral

        spans = []
        per_year = [p.start() for p in re.finditer(self.lex.years.per_year, text)]
        for m in re.finditer(r"(?<![第前])([一二两三四五六七八九十\d]{1,2})\s*年(?![度前以])", text):
            if m.start() in per_year:
                continue  # 一年二十万: a year's amount, not a span of one year
            n = m.group(1)
            v = int(n) if n.isdigit() else parse_numeral(n, self.lex.money.magnitudes)
            if v is not None and 0 < v < 50:
                said = bool(re.search(r"(用|共|连续|使用|为期|分|总共|一共|合计|累计)\s*$", text[max(0, m.start() - 3):m.start()]))
                spans.append((said, int(v)))
        for m in re.finditer(r"(?:用|用了|使用了?)前\s*([一二两三四五六七八九十\d]{1,2})\s*年", text):  # 只用了前两年
            n = m.group(1)
            v = int(n) if n.isdigit() else parse_numeral(n, self.lex.money.magnitudes)
            if v is not None and 0 < v < 50:
                spans.append((True, int(v)))
        for m in re.finditer(self.lex.years.current, text):  # 已经第四年了, 每年都是10万: four years so far
            if not any(w in text[m.end():] for w in self.lex.years.each):
                continue  # 开发云已经是第三年了，服务费45万元…今年合计: this year's fees, no span
            n = m.group(1)
            v = int(n) if n.isdigit() else parse_numeral(n, self.lex.money.magnitudes)
            if v is not None and 0 < v < 50:
                spans.append((True, int(v)))
        if not spans:
            return None
        # 用三年 / 共三年 says how long; otherwise the longest period named (一年费用 is a year's fee, not a span).
        return max(spans)[1]

    # the question -------------------------------------------------------------------------------------------

    def intents(self, q: str) -> list[str]:
        """What is asked, from the words used; several kinds may be asked at once."""
        few = re.sub(self.lex.few_not_amount, " ", q)  # 材料有哪几样: a list, not an amount
        out = [k for k, words in self.lex.intents.items() if any(w in (few if k == "amount" else q) for w in words)]
        if "amount" in out and re.search(self.lex.count_not_money, q) and not re.search(self.lex.money_asked, q):
            out.remove("amount")  # 教育版最多几个: a number of things, not money
        if self.price_asked(q):
            out = [k for k in out if k not in ("amount", "estimate")]  # 一个套餐多少钱: a price, not a subsidy
        if self.lex.budget_question and re.search(self.lex.budget_question, q):
            # 服务券每年总盘子多少钱: the funds of the whole programme, not what one enterprise gets
            out = [k for k in out if k not in ("amount", "estimate")] + (["quota"] if "quota" not in out else [])
        if "who" in out and "estimate" in out and "amount" not in out and not self.amounts(q):
            out.remove("estimate")  # 哪些企业能领: who may apply, not how much
        if "estimate" in out and re.search(self.lex.things_asked, q) and not self.amounts(q):
            out.remove("estimate")  # 证明自主创新能拿哪些东西: things handed in, not money received
        return out

    def price_asked(self, q: str) -> bool:
        """一个套餐多少钱 / 定了价没: the price of a product or service is asked, not a subsidy."""
        return bool(re.search(self.lex.price_question, q)) and not any(
            w in q for w in [*self.lex.subsidy_words, "补", "奖"])

    def is_yes_no(self, q: str) -> bool:
        if re.search(self.lex.yes_no.claim_note, q):
            return True  # 坐席备注：平台方认为认定有效期五年。: the claim is to be checked
        if re.search(r"[？?]\s*$", q) and re.search(self.lex.validity.question, q) and not re.search(
                r"什么|多少|哪|几|怎么|如何|多久|多长", q):
            return True  # 白云上云服务券办法 2020年12月31日 有效?: in force or not, in keywords
        if any(re.search(re.escape(m) + (r"(?![\u4e00-\u9fff](?<!有))" if m[-1] in "没不" else ""), q)
               for m in self.lex.yes_no.markers) or re.search(r"[\u4e00-\u9fff]{2}没有\s*[？?]", q):
            # 审完了没？ asks; 公示完了没人提异议 tells (没 opening another word)
            return True  # 过期没有？: a verb asked with 没有 at the end of the question
        # Any clause may ask (今年还能领吗 我们老板催着问; 12月份还能申请吗，还是只在年初受理？), unless it asks what,
        # how much or which (补多少呢).
        ends = "".join(self.lex.yes_no.endings)
        for c in re.split(r"[，,。？?！!；;\s]+", q):
            # 最多能奖补多少有上限没: what follows the last question word may ask on its own
            if re.search(r"(什么|多少|哪|几|怎么|如何)", c):
                # 最多能奖补多少有上限没: a clause asking with 没 / 不 after the last question word asks on its own
                # (出什么材料吗 still asks what)
                c = re.split(r"什么|多少|哪|几|怎么|如何", c)[-1]
                if len(c) < 3 or c[-1] not in "没不":
                    continue
            if not c:
                continue
            if c[-1] in ends or re.search(r"([\u4e00-\u9fff])[不没]\1", c) or (
                    c[-1] == "吧" and not re.search(self.lex.yes_no.request_ba, c)):  # 没超过上限吧 / 就在通知里写着吧
                return True  # 给不给补, 管不管; 这个能当申报材料吧
        # Keywords ending in a share or a figure of a limit, asking nothing (珠海企业 奖补比例 80%, 公示期 7个工作日):
        # the figure is put forward to be checked.
        words = q.strip().rstrip("？?").split()
        if len(words) >= 2 and not re.search(r"什么|多少|哪|几|怎么|如何|吗|么|呢", q):
            last = words[-1]
            if not re.search(r"[？?]", q) and (any(m.end() == len(q.rstrip()) for _, m in shares(q)) or (
                    re.fullmatch(r"[\d一二两三四五六七八九十]+\s*(?:个工作日|工作日|天|日|年|个月|人|项|家)", last))):
                return True
            # 三大电信运营商 初始限额 500万？: a limit's figure put forward, question mark or not
            if re.fullmatch(r"\d+(?:\.\d+)?\s*[万亿]元?", last) and any(w in words[-2] for w in self.lex.limit_words):
                return True
            # 伊春 上云补助 按合同额 六成 补？ / 资源池 评价结果 就分 两档？ / 产品目录 按集群试点方案定？: a figure or a
            # rule put forward in keywords, asked with a question mark (not 白云 公有云 比例？, which asks the share)
            if re.search(r"[？?]\s*$", q) and not re.search("谁", q) and (
                    any(re.fullmatch(self.lex.yes_no.keyword_figure, w) for w in words[1:])
                    or re.match(self.lex.yes_no.keyword_rule, last)
                    # 伊春 上云补助 企业要交 收付款凭证?: the rule put forward over the last two keywords
                    or (len(words) >= 3 and re.match(self.lex.yes_no.keyword_rule, words[-2] + last))):
                return True
        return False

    def status_asked(self, q: str) -> tuple[bool, Literal["in_force", "started"] | None]:
        """Whether the question asks if one can still apply (还能申领吗), and whether it asks if the document itself is
        in force (这个办法现在还有效吗) or has started (已经开始施行了吗). A voucher's validity (服务券还有效吗) is
        whether it can still be used: the programme's window."""
        v = self.lex.validity
        # 2020年10月1日能兑现吗 / 能不能从10月1日就开始办: an act of the window asked on a date the question names.
        still = bool(re.search(self.lex.still_open, q) and not re.search(self.lex.cycle_year, q)) or bool(
            re.search(self.lex.dated_act, q) and self.asked_dates(q) and self.is_yes_no(q))
        if still or not re.search(v.question, q):
            return still, None
        if not any(w in q for w in v.document_words) and any(w in q for w in v.other_subjects):
            return "券" in q, None
        return False, "started" if any(w in q for w in v.start_words) else "in_force"

    def asks(self, q: str) -> list[str]:
        """The clauses of a question that asks several things (名单是谁提出的？钱最后由谁拨？), in order, each asking
        with a question word of its own (谁, 多久, 哪些); a yes / no clause is answered by the verdict."""
        words = "|".join(map(re.escape, self.lex.interrogatives))
        parts = []
        for p in re.split(r"[？?]", q[:MAX_READ_CHARS]):
            # 先报到哪里，多久能看到名单: clauses asking with question words of their own ask apart; the words before
            # the first of them go with it
            clauses = re.split(r"[，,；;]", p)
            if len(clauses) == 1:  # 资源池评价 最终结果 谁公布 抄送谁: keywords apart, each its own clause
                clauses = p.split()
            asking = [i for i, c in enumerate(clauses) if re.search(words, c)]
            if len(asking) >= 2:
                starts = [0, *asking[1:]]
                ends = [*asking[1:], len(clauses)]
                parts += ["，".join(clauses[a:b]) for a, b in zip(starts, ends, strict=True)]
            elif len(asking) == 1 and asking[0] < len(clauses) - 1 and self.is_yes_no(clauses[-1]):
                # 附什么 之后公示吗: the clause asking with a question word, and the yes / no after it
                parts += ["，".join(clauses[:asking[0] + 1]), "，".join(clauses[asking[0] + 1:])]
            else:
                parts.append(p)
        parts = [p.strip(" ，,。；;：:") for p in parts]
        return [p for p in parts if len(p) >= 2 and re.search(words, p) and not self.is_yes_no(p)]

    def is_follow_up(self, q: str) -> bool:
        body = q.strip().rstrip("？?。.！! ")
        return any(body.startswith(w) for w in self.lex.follow_up.openers) or any(
            body.endswith(w) or (len(w) > 1 and w in body) for w in self.lex.follow_up.closers)

    def read(self, question: str) -> Reading:
        """Read one question on its own."""
        q = question[:MAX_READ_CHARS]
        places = self.places(q)
        docs = self.documents(q, places)
        asker, cued = self.asker_places(q)
        facts, words = self.profile_facts(q, asker)
        programmes = self.lines_named(q)
        best = max(docs.values(), default=0)
        top = {d for d, sc in docs.items() if sc == best}
        for pid, ws in self.lex.programme_keys.items():
            if pid not in programmes and any(w in q for w in ws) and any(pid.startswith(d + "-") for d in top):
                programmes.append(pid)
        # the last one: 第二年服务费是第一年的两倍…第二年能补多少 asks the second year
        asked = next(reversed(list(re.finditer(r"(第[一二三四五12345]年|首年|头一年)(?:呢|的|补|能|可以|是|比例|多少)", q))), None)
        now = re.search(r"今年(?:是|算|就是|为|已经是|到了)?(第[一二三四五12345]年)", q)
        if now and re.search(r"今年[^，。；？?]{0,4}(?:能|可以|可)?(?:补|拿|领)", q):
            asked = now  # 去年是第一年花了10万，今年第二年花了15万，今年能补多少: this year is the second
        ordinals = {self.lex.years.ordinal_values[w] for w in self.lex.years.ordinal if w in q}
        named_years = sorted({self.lex.years.ordinal_values[w] for w in self.lex.years.ordinal
                              for m in re.finditer(re.escape(w), q)
                              if not re.match(self.lex.years.stopped, q[m.end():m.end() + 8])})
        summed = any(w in q for w in self.lex.summing) or re.search(self.lex.years.sum_asked, q)
        if len(ordinals) > 1 and summed:
            asked = None  # 第二年和第三年的费用…合计 / 这两年能补多少: the years are the amounts', the question asks the sum
        current = re.search(self.lex.years.current, q)
        if current and summed and not asked:
            ordinals = set()  # 已经第四年了…前前后后一共: the sum of the years so far, not the fourth alone
        # (会不会碰到每年的总封顶: a cap of every year, not a fee paid every year)
        each = each_year_said(re.sub(r"每年(?:的)?总?(?:封顶|上限|最高|限额|额度)", " ", q), self.lex.years)
        still_open, validity = self.status_asked(q)
        amounts = self.amounts(q)
        years_given = {a.year for a in amounts if a.year}
        if not asked and ordinals and ordinals <= years_given and len(years_given) > 1:
            ordinals = set()  # 第三年40万: the year of a fee given, not a year asked about
        span = self.span_years(q) if (each or re.search(r"(共|总共|合计|一共|累计|加起来|三年|两年)", q)) else None
        paid = [a for a in amounts if a.field == "fees" or a.field in PAYMENT_INPUTS]
        if each and len(ordinals) >= 2 and len(paid) == 1 and paid[0].year in ordinals and span in (None, len(ordinals)):
            # 今年是第二年、明年第三年，两年服务费都是300万: the one fee is each of the years named
            amounts += [paid[0].model_copy(update={"year": y}) for y in sorted(ordinals) if y != paid[0].year]
        return Reading(
            question=question, places=places, documents=sorted(docs, key=lambda d: -docs[d]),
            programmes=programmes, intents=self.intents(q), amounts=amounts, facts=facts, fact_words=words,
            each_year=each, span_years=span, years_named=named_years,
            asked_year=self.lex.years.ordinal_values.get(asked.group(1)) if asked else (
                next(iter(ordinals)) if len(ordinals) == 1 else None),
            follow_up=self.is_follow_up(q), yes_no=self.is_yes_no(q), provider=facts.get("side") == "provider",
            asked_dates=self.asked_dates(q), still_open=still_open, validity=validity, event_dates=self.event_dates(q),
            summing=any(w in q for w in self.lex.summing), asker_places=asker, asker_cued=cued,
        )

    def doc_scores(self, q: str) -> dict[str, float]:
        """Documents the question points at, with scores (for routing)."""
        return self.documents(q[:MAX_READ_CHARS], self.places(q[:MAX_READ_CHARS]))


def _founding(m: re.Match) -> dict[str, int]:
    """A founding date as written: an absolute year, or years before the day asked about (去年 = 1)."""
    from navigator.numbers import parse_numeral

    def num(text: str) -> int:
        return int(text) if text.isdigit() else int(parse_numeral(text, {}))

    year = m.group("year")
    ago = {"今年": 0, "去年": 1, "前年": 2}.get(year)
    absolute = int(year.rstrip("年 ")) if ago is None else 0
    out = {"years_ago": ago} if ago is not None else {"year": absolute + (2000 if absolute < 100 else 0)}
    out["month"] = num(m.group("month"))
    if m.group("day"):
        out["day"] = num(m.group("day"))
    return out


def each_year_said(text: str, yw: YearWords) -> bool:
    """The words say an amount is paid every year: 每年, 三年都, 两年服务费都是, 一年二十万."""
    return any(w in text for w in yw.each) or bool(re.search(r"[一二两三四五\d]年(?:都|均)", text)) or bool(
        re.search(r"(?<![第前])[两二三四五2-5]年[^，。；\d]{0,8}(?:都是|均为|都为|均是)", text)) or bool(
        re.search(yw.per_year, text))


SHARE = re.compile(r"百分之([一二两三四五六七八九十百零〇\d]+)|(\d{1,3}(?:\.\d+)?)\s*[%％]|([一二两三四五六七八九十]|\d)\s*成")


def shares(q: str) -> list[tuple[Decimal, re.Match]]:
    """The shares written in ``q`` (60%, 百分之六十, 六成) as fractions of one, with where each was written."""
    from navigator.numbers import parse_numeral

    out = []
    for m in SHARE.finditer(q):
        n = Decimal(m.group(2)) if m.group(2) else parse_numeral(m.group(1) or m.group(3), {})
        if n is None:
            continue
        v = n / 10 if m.group(3) else n / 100
        if 0 <= v <= 1:
            out.append((v, m))
    return out


def month_days(q: str, year: int) -> list[dt.date]:
    """Days a question names without a year (5月21日才交), read in ``year`` (that of the limit they are set against)."""
    out = []
    for m in re.finditer(r"(?<![年\d])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]", q):
        try:
            out.append(dt.date(year, int(m.group(1)), int(m.group(2))))
        except ValueError:
            continue
    return out


def clause_start(q: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts."""
    starts = [m.end() for m in re.finditer(r"[，。；;！!？?\n]", q[:pos])]
    return starts[-1] if starts else 0


def _pairs(word: str) -> list[str]:
    """A run of Chinese characters as its two-character pieces (细则 in 伊春细则)."""
    return [word[i:i + 2] for i in range(len(word) - 1)]


@functools.lru_cache(maxsize=1)
def reader() -> Reader:
    """The process-wide reader."""
    return Reader()
