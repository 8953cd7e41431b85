"""A matching copy of the plan's text: simplified characters, ASCII digits and signs.

Every change is one character for one character, so an offset found in the copy is the
same offset in the original: quotes and names are always cut from the original text,
verbatim, in whatever script it was written. The table covers the traditional forms of
the characters the wording rules and units use, and common ones around them; a character
it does not know is left as it is, which at worst leaves a rule unmatched.
"""

from __future__ import annotations

# Traditional and simplified, in pairs: 長长 萬万 ...
_PAIRS = (
    "並并佈布來来係系倉仓個个們们備备傳传債债價价儀仪億亿優优儲储兌兑兒儿內内兩两創创劃划劑剂動动務务勞劳勢势勵励匯汇區区協协員员問问啟启單单噸吨嚴严國国圍围園园圖图團团報报場场塊块壓压壞坏嬰婴學学實实審审"
    "寬宽將将專专對对導导屆届層层屬属崗岗師师帶带幣币幫帮幾几廠厂廢废廣广廳厅張张強强彙汇後后從从徵征徹彻態态應应戰战戶户採采揚扬換换損损撥拨擊击擔担據据擴扩數数於于曆历書书會会條条業业極极構构樑梁樓楼標标"
    "橋桥機机檢检權权歲岁歷历毀毁氣气汙污淨净減减測测準准滅灭滿满漁渔漲涨潔洁濁浊濕湿濟济災灾為为熱热營营爭争爾尔獎奖獲获獻献現现環环產产畝亩畫画當当療疗發发監监確确碼码礦矿禍祸禮礼稅税種种積积穩稳穫获競竞"
    "筆笔節节範范築筑簽签糧粮紀纪約约紅红級级組组絕绝絡络統统經经綠绿維维網网緊紧線线編编練练縣县縮缩總总績绩織织繼继續续聯联職职脫脱腦脑臺台與与興兴舉举舊旧萬万蓋盖藍蓝藥药處处號号虧亏術术衛卫裏里補补裝装"
    "裡里製制規规親亲覽览觀观訂订計计訊讯訓训託托設设評评試试認认課课調调論论證证議议護护變变豐丰財财貧贫貨货貫贯買买貸贷費费貼贴貿贸資资賓宾賣卖質质購购賽赛車车軌轨較较載载輕轻輛辆輸输轉转辦办農农這这連连"
    "週周進进運运過过達达適适遷迁選选邊边鄉乡鄰邻醫医釐厘銷销錄录鎮镇鏈链鐵铁長长門门閉闭開开間间關关隊队階阶際际險险隱隐隻只雙双難难雲云電电頃顷項项預预頒颁領领頭头題题額额類类風风飛飞飲饮養养餘余館馆駕驾"
    "駛驶驅驱驗验體体鬆松鮮鲜麼么點点齊齐齡龄"
)
# Full-width digits and signs.
_WIDTH = (
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"％": "%", "．": ".", "﹪": "%", "－": "-", "＋": "+"}
)
TABLE = {ord(_PAIRS[i]): _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)} | {
    ord(k): v for k, v in _WIDTH.items()
}


def normalise(text: str) -> str:
    """The matching copy of ``text``: same length, same offsets."""
    return text.translate(TABLE)
