import { PlannedPart } from '../../components/PlannedPart'

export function DutyPage() {
  return (
    <PlannedPart
      title="值班"
      purpose="办事：法定节假日市领导带班和办公室24小时值班的排班、调班与值班记录。"
      features={[
        '法定节假日市领导轮流带班表：按节假日安排列出每一天的带班领导、值班人员及联系方式',
        '办公室值班：带班、主班、副班按月排班，月初发布',
        '调班与替班：须经带班领导同意，并留有记录',
        '值班记录与交接班：来电时间、单位、姓名、电话、内容及处理情况',
      ]}
      basis="市人民政府工作规则第七十三条"
    />
  )
}
